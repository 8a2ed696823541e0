package dev.temper.dataset;

import dev.temper.base.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Streams a request body to a temporary file, refusing it as soon as it passes the size limit. */
final class UploadSpool {

    private UploadSpool() {
    }

    static Path toTempFile(InputStream body, long maxBytes) throws IOException {
        Path file = Files.createTempFile("temper-upload-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "Upload too large",
                "The upload is larger than the limit of " + humanBytes(maxBytes) + " (temper.datasets.max-upload-bytes)");
    }

    static String humanBytes(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }
}
