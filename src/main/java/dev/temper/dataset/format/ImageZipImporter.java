package dev.temper.dataset.format;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.SplitPlan;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Stages a ZIP of PNG/JPEG images laid out one folder per class ({@code cat/001.png}); a single folder
 * around everything ({@code pets/cat/001.png}) is looked through. The archive is read in place, entry by
 * entry in archive order; nothing is extracted to disk.
 */
final class ImageZipImporter {

    /** The encoding of names in ZIPs written without the UTF-8 flag (old Windows tools). */
    private static final Charset LEGACY_NAMES = Charset.forName("IBM437");

    private final List<Integer> requestedShape;
    private final ImportLimits limits;

    ImageZipImporter(List<Integer> requestedShape, ImportLimits limits) {
        this.requestedShape = requestedShape;
        this.limits = limits;
    }

    StagedDataset stage(Path archive, Path workDir) throws InvalidUploadException, IOException {
        try (ZipFile zip = open(archive)) {
            if (zip.size() > limits.maxEntries()) {
                throw new InvalidUploadException("The ZIP archive has " + zip.size() + " entries; at most "
                        + limits.maxEntries() + " are accepted.");
            }
            boolean stripTopFolder = checkEntries(zip);
            StagingSink sink = StagingSink.create(workDir);
            try {
                DatasetHeader template = readImages(zip, Files.size(archive), stripTopFolder, sink);
                return sink.finish(template);
            } catch (Throwable e) {
                sink.discard(e);
                throw e;
            }
        }
    }

    private static ZipFile open(Path archive) throws IOException, InvalidUploadException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException utf8Failed) {
            try {
                return new ZipFile(archive.toFile(), LEGACY_NAMES);
            } catch (ZipException e) {
                throw new InvalidUploadException("The file is not a ZIP archive, or it is damaged ("
                        + utf8Failed.getMessage() + ").");
            }
        }
    }

    /**
     * Checks every name before any entry is unpacked (safe paths, images only, one folder per class) and
     * says whether all images share one top folder to look through.
     */
    private boolean checkEntries(ZipFile zip) throws InvalidUploadException {
        String commonTop = null;
        boolean sharedTop = true;
        int maxDepth = 0;
        int images = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntryPath path = ZipEntryPath.of(entries.nextElement().getName());
            if (path.ignored()) {
                continue;
            }
            if (!path.hasImageExtension()) {
                throw new InvalidUploadException("ZIP entry '" + path.name()
                        + "' is not an image; the archive may only hold PNG and JPEG files (.png, .jpg, .jpeg).");
            }
            images++;
            String top = path.segments().get(0);
            if (commonTop == null) {
                commonTop = top;
            }
            sharedTop &= top.equals(commonTop);
            maxDepth = Math.max(maxDepth, path.depth());
        }
        if (images == 0) {
            throw new InvalidUploadException("The ZIP archive holds no PNG or JPEG images; put the images in one"
                    + " folder per class, like cat/001.png.");
        }
        // one folder around class folders; a lone class folder (cat/1.png only) is not looked through
        boolean stripTopFolder = sharedTop && maxDepth >= 3;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntryPath path = ZipEntryPath.of(entries.nextElement().getName());
            if (!path.ignored()) {
                checkLayout(path, stripTopFolder);
            }
        }
        return stripTopFolder;
    }

    private static void checkLayout(ZipEntryPath path, boolean stripTopFolder) throws InvalidUploadException {
        int depth = path.depth() - (stripTopFolder ? 1 : 0);
        if (depth == 1) {
            throw new InvalidUploadException("ZIP entry '" + path.name() + "' is not in a class folder; put each"
                    + " image in a folder named after its class, like cat/001.png.");
        }
        if (depth > 2) {
            throw new InvalidUploadException("ZIP entry '" + path.name() + "' is in a folder inside a class folder;"
                    + " put each image directly in the folder named after its class, like cat/001.png.");
        }
    }

    private DatasetHeader readImages(ZipFile zip, long archiveBytes, boolean stripTopFolder, StagingSink sink)
            throws IOException, InvalidUploadException {
        InflationGuard guard = new InflationGuard(limits, archiveBytes);
        List<Integer> shape = requestedShape;
        ImageDecoder.ExpectedSize expected = shape == null ? null
                : new ImageDecoder.ExpectedSize(shape.get(1), shape.get(0), "as the upload requests");
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            ZipEntryPath path = ZipEntryPath.of(entry.getName());
            if (path.ignored()) {
                continue;
            }
            BufferedImage image = ImageDecoder.decode(guard.unpack(zip, entry), entry.getName(), expected);
            if (shape == null) {
                shape = List.of(image.getHeight(), image.getWidth(), PixelConversion.isGray(image) ? 1 : 3);
            }
            if (expected == null) {
                expected = new ImageDecoder.ExpectedSize(image.getWidth(), image.getHeight(),
                        "like the first image '" + entry.getName() + "'");
            }
            String className = path.segments().get(stripTopFolder ? 1 : 0);
            sink.add(className, entry.getName(), PixelConversion.toBytes(image, shape.get(2)));
            if (sink.classCount() > StagingSink.MAX_CLASSES) {
                throw new InvalidUploadException("The ZIP archive has more than " + StagingSink.MAX_CLASSES
                        + " class folders (the last one seen is '" + className + "').");
            }
        }
        return new DatasetHeader(DataKind.IMAGE, shape, List.of(), List.of(), true, SplitPlan.DEFAULT, 0);
    }
}
