package dev.temper.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over every file of a model directory, sorted by relative path. Each file contributes its
 * path, its length and its bytes, so renaming or moving content changes the hash too.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> relativeName(directory, a).compareTo(relativeName(directory, b)))
                    .toList();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (Path file : files) {
                digest.update(relativeName(directory, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                try (InputStream in = Files.newInputStream(file)) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + directory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Forward slashes on every platform, so the hash does not depend on the operating system. */
    private static String relativeName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
