package dev.temper.training.workerapi;

import dev.temper.base.Json;
import dev.temper.base.problem.ProblemException;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * What the server checks of a model a worker uploads before it registers it. The worker's hash header is a claim:
 * the server unpacks the archive (within bounds, so a zip bomb cannot fill the disk), computes the content hash
 * itself, refuses the upload when the two differ, and requires the files a SavedModel needs. The hash it records is
 * its own, so serving can later prove the stored files unchanged.
 */
final class ModelUploadCheck {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED_BYTES = 4L << 30;
    private static final String SAVED_MODEL_FILE = "saved_model.pb";
    private static final int MAX_MANIFEST_CHARS = 1 << 20;

    private ModelUploadCheck() {
    }

    /** The manifest the worker sent in its header, decoded and parsed, or a 400 that says what is wrong with it. */
    static String manifest(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw ProblemException.badRequest("The model upload has no manifest header");
        }
        if (base64.length() > MAX_MANIFEST_CHARS) {
            throw ProblemException.badRequest("The model manifest is larger than " + MAX_MANIFEST_CHARS + " characters");
        }
        String manifest;
        try {
            manifest = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The model manifest header is not base64: " + e.getMessage());
        }
        try {
            ModelManifest parsed = Json.read(manifest, ModelManifest.class);
            if (parsed == null || parsed.classCount() < 1) {
                throw ProblemException.badRequest("The model manifest names no classes");
            }
        } catch (IllegalStateException e) {
            throw ProblemException.badRequest("The model manifest is not a model manifest (JSON)");
        }
        return manifest;
    }

    /** The content hash of the uploaded archive, after checking it against the worker's claim. */
    static String contentHash(Path zip, String claimedSha256) {
        Path unpacked = null;
        try {
            if (zip == null || Files.size(zip) == 0) {
                throw ProblemException.badRequest("The model upload has no body");
            }
            unpacked = Files.createTempDirectory("temper-model-upload");
            unpack(zip, unpacked);
            if (!Files.isRegularFile(unpacked.resolve(SAVED_MODEL_FILE))) {
                throw ProblemException.badRequest("The model archive holds no " + SAVED_MODEL_FILE
                        + ": it is not a SavedModel");
            }
            String actual = ContentHash.of(unpacked);
            if (claimedSha256 != null && !claimedSha256.equalsIgnoreCase(actual)) {
                throw ProblemException.badRequest("The model's SHA-256 header (" + claimedSha256
                        + ") does not match its content (" + actual + ")");
            }
            return actual;
        } catch (ZipException e) {
            throw ProblemException.badRequest("The model archive is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack an uploaded model", e);
        } finally {
            delete(unpacked);
        }
    }

    private static void unpack(Path zip, Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        int entries = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(zip); ZipInputStream archive = new ZipInputStream(in)) {
            for (ZipEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw ProblemException.badRequest("The model archive has more than " + MAX_ENTRIES + " entries");
                }
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw ProblemException.badRequest("The model archive has an unsafe entry: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var out = Files.newOutputStream(target)) {
                    for (int read = archive.read(buffer); read >= 0; read = archive.read(buffer)) {
                        bytes += read;
                        if (bytes > MAX_UNPACKED_BYTES) {
                            throw ProblemException.badRequest("The model archive unpacks to more than "
                                    + (MAX_UNPACKED_BYTES >> 30) + " GiB");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        }
        if (entries == 0) {
            throw ProblemException.badRequest("The model archive is empty");
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the upload's answer matters more.
        }
    }
}
