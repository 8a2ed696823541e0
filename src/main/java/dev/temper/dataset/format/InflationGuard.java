package dev.temper.dataset.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks ZIP entries while counting the bytes that actually come out, so that a decompression bomb is
 * stopped early whatever sizes its headers claim: the whole archive may not exceed the unpacked limit,
 * and no entry may grow beyond the compression ratio limit relative to its compressed bytes (which the
 * inflater cannot read past).
 */
final class InflationGuard {

    /**
     * Below this an entry is not checked for its ratio: tiny entries have noisy ratios and cannot do harm,
     * while a bomb has to grow far beyond it.
     */
    static final int RATIO_CHECK_FROM_BYTES = 1 << 16;
    /** An image file larger than this is not a training image, and it is held in memory to decode it. */
    static final int MAX_ENTRY_BYTES = 64 << 20;

    private final ImportLimits limits;
    private final long archiveBytes;
    private long totalBytes;

    /** @param archiveBytes the archive's size: no entry's compressed data can be larger, whatever it claims */
    InflationGuard(ImportLimits limits, long archiveBytes) {
        this.limits = limits;
        this.archiveBytes = archiveBytes;
    }

    byte[] unpack(ZipFile zip, ZipEntry entry) throws IOException, InvalidUploadException {
        long compressedBytes = Math.max(1, Math.min(archiveBytes, entry.getCompressedSize()));
        long ratioLimit = limits.maxCompressionRatio() * compressedBytes;
        byte[] content = new byte[8192];
        int length = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            while (true) {
                if (length == content.length) {
                    content = Arrays.copyOf(content, Math.min(MAX_ENTRY_BYTES + 1, length * 2));
                }
                int read = in.read(content, length, content.length - length);
                if (read < 0) {
                    return Arrays.copyOf(content, length);
                }
                length += read;
                totalBytes += read;
                check(entry, length, ratioLimit, compressedBytes);
            }
        } catch (ZipException | EOFException e) {
            throw new InvalidUploadException("ZIP entry '" + entry.getName() + "' could not be unpacked; the archive"
                    + " is damaged (" + e.getMessage() + ").");
        }
    }

    private void check(ZipEntry entry, int length, long ratioLimit, long compressedBytes)
            throws InvalidUploadException {
        if (totalBytes > limits.maxUnpackedBytes()) {
            throw new InvalidUploadException("The ZIP archive unpacks to more than " + limits.maxUnpackedBytes()
                    + " bytes, the limit; unpacking stopped at entry '" + entry.getName() + "'.");
        }
        if (length > RATIO_CHECK_FROM_BYTES && length > ratioLimit) {
            throw new InvalidUploadException("ZIP entry '" + entry.getName() + "' unpacks to more than "
                    + limits.maxCompressionRatio() + " times its compressed size of " + compressedBytes
                    + " bytes; it looks like a decompression bomb and was refused.");
        }
        if (length > MAX_ENTRY_BYTES) {
            throw new InvalidUploadException("ZIP entry '" + entry.getName() + "' unpacks to more than "
                    + MAX_ENTRY_BYTES + " bytes; an image file must be smaller.");
        }
    }
}
