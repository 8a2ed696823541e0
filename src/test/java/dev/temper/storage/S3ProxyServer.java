package dev.temper.storage;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy over a directory, run as a child process so that its Jetty and
 * jclouds libraries stay off the test classpath (they would clash with Quarkus's). The build copies
 * S3Proxy's self-contained jar ({@code org.gaul:s3proxy:jar-with-dependencies}) to
 * {@code target/s3proxy/s3proxy.jar} and names it in the system property {@value #JAR_PROPERTY}.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String JAR_PROPERTY = "temper.s3proxy.jar";
    static final String REGION = "us-east-1";

    private static final Path DEFAULT_JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final Path LOG_FILE = Path.of("target", "s3proxy-test.log");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);
    private static final String ACCESS_KEY = "temper-test";

    private final Process process;
    private final URI endpoint;
    private final String secretKey;
    private final Thread shutdownHook;

    private S3ProxyServer(Process process, URI endpoint, String secretKey) {
        this.process = process;
        this.endpoint = endpoint;
        this.secretKey = secretKey;
        // Stops the child if the test JVM is interrupted before close() runs, so no server outlives the build.
        this.shutdownHook = new Thread(process::destroy, "s3proxy-test-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts S3Proxy on a free loopback port, keeping its buckets under the directory, and waits until it serves. */
    static S3ProxyServer start(Path directory) throws IOException {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy is not at " + jar.toAbsolutePath() + ": run the Maven build"
                    + " (it copies org.gaul:s3proxy:jar-with-dependencies there) or set -D" + JAR_PROPERTY);
        }
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        String secretKey = UUID.randomUUID().toString();
        Path blobs = Files.createDirectories(directory.resolve("blobs"));
        Path properties = directory.resolve("s3proxy.properties");
        writeProperties(properties, endpoint, secretKey, blobs);

        Files.createDirectories(LOG_FILE.getParent());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-jar", jar.toString(),
                "--properties", properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG_FILE.toFile()))
                .start();
        S3ProxyServer server = new S3ProxyServer(process, endpoint, secretKey);
        try {
            server.awaitListening(port);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void writeProperties(Path file, URI endpoint, String secretKey, Path blobs) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", endpoint.toString());
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", ACCESS_KEY);
        properties.setProperty("s3proxy.credential", secretKey);
        properties.setProperty("jclouds.provider", "filesystem");
        properties.setProperty("jclouds.filesystem.basedir", blobs.toAbsolutePath().toString());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "S3Proxy for Temper's tests");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Jetty opens its port once the S3 handler is in place, so an accepted connection means it serves. */
    private void awaitListening(int port) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with status " + process.exitValue()
                        + " while starting; its output is in " + LOG_FILE.toAbsolutePath());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("S3Proxy did not open port " + port + " within " + START_TIMEOUT
                            + "; its output is in " + LOG_FILE.toAbsolutePath());
                }
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Settings that reach the bucket on this server with its credentials. */
    S3Settings settings(String bucket) {
        return new S3Settings(Optional.of(endpoint), REGION, bucket, true,
                Optional.of(new S3Settings.Credentials(ACCESS_KEY, secretKey)));
    }

    void createBucket(String bucket) {
        try (S3Client s3 = S3ArtifactStore.client(settings(bucket))) {
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    URI endpoint() {
        return endpoint;
    }

    String accessKey() {
        return ACCESS_KEY;
    }

    String secretKey() {
        return secretKey;
    }

    /** Stops the child process this instance started, and nothing else. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it destroys the process itself.
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for S3Proxy to start", e);
        }
    }
}
