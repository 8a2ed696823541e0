package dev.temper.dataset.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A ZIP entry's name, checked to be a safe relative path and split into its folders and file name.
 * Unsafe names are refused even though nothing is extracted: a name that climbs out of the archive is a
 * sign of a hostile upload, and the entry path becomes the sample id shown elsewhere.
 */
record ZipEntryPath(String name, List<String> segments, boolean directory) {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg");
    /** Files that operating systems add to folders; they are not part of the dataset. */
    private static final Set<String> SYSTEM_FILES = Set.of(".DS_Store", "Thumbs.db");
    private static final String MAC_RESOURCE_FOLDER = "__MACOSX";

    /** Entry names become sample ids, which the canonical file stores with a 16-bit length. */
    static final int MAX_NAME_LENGTH = 4096;

    static ZipEntryPath of(String name) throws InvalidUploadException {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidUploadException("ZIP entry '" + name.substring(0, 60) + "...' has a name longer than "
                    + MAX_NAME_LENGTH + " characters.");
        }
        if (name.indexOf('\\') >= 0) {
            throw unsafe(name, "it contains backslashes");
        }
        if (name.startsWith("/")) {
            throw unsafe(name, "it is an absolute path");
        }
        if (DRIVE.matcher(name).matches()) {
            throw unsafe(name, "it starts with a drive letter");
        }
        List<String> segments = Arrays.stream(name.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
        if (segments.contains("..")) {
            throw unsafe(name, "it has '..' segments that leave the archive's folder");
        }
        return new ZipEntryPath(name, segments, name.endsWith("/") || segments.isEmpty());
    }

    private static InvalidUploadException unsafe(String name, String reason) {
        return new InvalidUploadException("ZIP entry '" + name + "' has an unsafe path: " + reason
                + ". Entries must be relative paths like cat/001.png.");
    }

    /** Folders, macOS resource forks and operating system files: skipped without complaint. */
    boolean ignored() {
        return directory || segments.get(0).equals(MAC_RESOURCE_FOLDER) || SYSTEM_FILES.contains(fileName());
    }

    boolean hasImageExtension() {
        String fileName = fileName();
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    String fileName() {
        return segments.get(segments.size() - 1);
    }

    int depth() {
        return segments.size();
    }
}
