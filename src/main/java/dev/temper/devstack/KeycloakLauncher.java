package dev.temper.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Runs a real Keycloak from an unpacked {@code keycloak-quarkus-dist} directory, bound to 127.0.0.1 only,
 * with the Temper realm imported. Used by the tests and by local development; a cluster runs the
 * Keycloak image instead (see {@code k8s/base/keycloak}).
 *
 * <p>Keycloak keeps its dev-mode H2 data under {@code <home>/data}: a realm that already exists there is
 * left as it is by {@code --import-realm}, so that data is removed when the realm file changed.
 */
public final class KeycloakLauncher implements AutoCloseable {

    public static final String REALM = "temper";

    private static final Logger LOG = Logger.getLogger(KeycloakLauncher.class);
    /** The build unpacks the distribution in generate-resources; a concurrent build may still be at it. */
    private static final Duration DISTRIBUTION_WAIT = Duration.ofMinutes(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final int httpPort;
    private final Path logFile;

    private KeycloakLauncher(Process process, int httpPort, Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.logFile = logFile;
    }

    /**
     * Starts Keycloak and returns once the realm's discovery document answers 200.
     *
     * @throws KeycloakStartException when Keycloak exits early or is not ready within {@code timeout};
     *                                the message carries the tail of {@code logFile}
     */
    public static KeycloakLauncher start(Path keycloakHome, InputStream realmJson, int httpPort,
                                         int managementPort, Path logFile, Duration timeout) {
        Path kcSh = awaitDistribution(keycloakHome, DISTRIBUTION_WAIT);
        try {
            installRealm(keycloakHome, realmJson);
            Path logDir = logFile.toAbsolutePath().getParent();
            if (logDir != null) {
                Files.createDirectories(logDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak in " + keycloakHome, e);
        }

        Instant startedAt = Instant.now();
        Process process = launch(keycloakHome, kcSh, httpPort, managementPort, logFile);
        KeycloakLauncher launcher = new KeycloakLauncher(process, httpPort, logFile);
        LOG.infof("Starting Keycloak (pid %d) on 127.0.0.1:%d, log in %s", process.pid(), httpPort, logFile);
        try {
            launcher.awaitReady(timeout);
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
        LOG.infof("Keycloak ready at %s after %d ms", launcher.realmUrl(),
                Duration.between(startedAt, Instant.now()).toMillis());
        return launcher;
    }

    public String realmUrl() {
        return "http://127.0.0.1:" + httpPort + "/realms/" + REALM;
    }

    /** The pid of {@code kc.sh}; the Keycloak JVM may be its child. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Terminates kc.sh and every process below it: SIGTERM first, SIGKILL after a grace period. */
    @Override
    public void close() {
        ProcessHandle root = process.toHandle();
        // Snapshot the tree first: once the shell dies its java child is re-parented and out of reach.
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Duration.between(Instant.now(), deadline));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(handle -> {
            LOG.warnf("Keycloak process %d ignored SIGTERM; killing it", handle.pid());
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        });
    }

    /** A port on the loopback interface that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    private static Path awaitDistribution(Path keycloakHome, Duration maxWait) {
        Path kcSh = keycloakHome.resolve("bin").resolve("kc.sh");
        Instant deadline = Instant.now().plus(maxWait);
        Instant nextNotice = Instant.now();
        while (!Files.isRegularFile(kcSh)) {
            if (Instant.now().isAfter(deadline)) {
                throw new KeycloakStartException("No Keycloak distribution at " + keycloakHome
                        + " after " + maxWait.toMinutes() + " min: run the build's generate-resources phase");
            }
            if (!Instant.now().isBefore(nextNotice)) {
                LOG.infof("Waiting for the build to unpack Keycloak into %s", keycloakHome);
                nextNotice = Instant.now().plusSeconds(30);
            }
            sleep(Duration.ofSeconds(2));
        }
        if (!Files.isExecutable(kcSh) && !kcSh.toFile().setExecutable(true)) {
            throw new KeycloakStartException(kcSh + " is not executable");
        }
        return kcSh;
    }

    /**
     * Puts the realm file where {@code --import-realm} finds it. Keycloak skips a realm that its H2 data already
     * holds, so when the file changed since the last start (a demo user added, say) the old data is removed
     * first: the realm file is the truth, and users and clients made by hand in a dev Keycloak do not survive it.
     */
    private static void installRealm(Path keycloakHome, InputStream realmJson) throws IOException {
        Path importDir = keycloakHome.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Path imported = importDir.resolve(REALM + "-realm.json");
        byte[] realm = realmJson.readAllBytes();
        if (Files.exists(imported) && !Arrays.equals(Files.readAllBytes(imported), realm)) {
            Path h2 = keycloakHome.resolve("data").resolve("h2");
            LOG.infof("The realm file changed since Keycloak last imported it: removing %s to import it again", h2);
            deleteTree(h2);
        }
        Files.write(imported, realm);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Process launch(Path keycloakHome, Path kcSh, int httpPort, int managementPort, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(
                kcSh.toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--import-realm")
                .directory(keycloakHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // Demo credentials for the master realm of a loopback-only Keycloak; never used in a cluster.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // Run Keycloak on the JVM that runs us unless the caller chose one.
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + kcSh, e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new KeycloakStartException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Log tail of " + logFile + ":\n" + logTail());
            }
            if (answersOk(http, discovery)) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new KeycloakStartException("Keycloak was not ready within " + timeout.toSeconds()
                + " s. Log tail of " + logFile + ":\n" + logTail());
    }

    private static boolean answersOk(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartException("Interrupted while waiting for Keycloak");
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            handle.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still running (timeout) or not observable: the caller escalates
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartException("Interrupted while waiting for Keycloak");
        }
    }

    /** Keycloak could not be started; the message says why and carries the log tail where there is one. */
    public static final class KeycloakStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KeycloakStartException(String message) {
            super(message);
        }
    }
}
