package dev.temper.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a Quarkus test against a real S3 server: starts S3Proxy (a child process, see {@link S3ProxyServer})
 * with an empty bucket and hands Quarkus the {@code temper.storage.*} properties that select the S3 store.
 * Register it with {@code @QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = true)}
 * on the tests that should store artifacts in S3.
 */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "temper-artifacts";

    private Path directory;
    private S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            directory = Files.createTempDirectory(target, "s3proxy-");
            server = S3ProxyServer.start(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy for the tests", e);
        }
        server.createBucket(BUCKET);
        return Map.of(
                "temper.storage.type", "s3",
                "temper.storage.s3.endpoint", server.endpoint().toString(),
                "temper.storage.s3.region", S3ProxyServer.REGION,
                "temper.storage.s3.bucket", BUCKET,
                "temper.storage.s3.path-style", "true",
                "temper.storage.s3.access-key", server.accessKey(),
                "temper.storage.s3.secret-key", server.secretKey());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (directory != null) {
            deleteTree(directory);
            directory = null;
        }
    }

    /** The stored artifacts can be large datasets: they go with the server rather than pile up in target. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the S3Proxy data in " + root, e);
        }
    }
}
