package dev.temper.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.temper.devstack.KeycloakLauncher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives Quarkus tests a real Keycloak with the Temper realm. One Keycloak serves the whole test JVM: it
 * starts on first use, is shared by every test profile, and stops with the JVM (Quarkus calls
 * {@link #stop()} after each profile, which therefore keeps it running).
 *
 * <p>Set {@code TEMPER_TEST_KEYCLOAK_URL} to a realm URL (e.g. {@code http://127.0.0.1:8180/realms/temper})
 * to use a Keycloak started elsewhere instead.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_URL_PROPERTY = "temper.test.keycloak.realm-url";

    private static final String EXTERNAL_URL_ENV = "TEMPER_TEST_KEYCLOAK_URL";
    private static final String SHARED_URL_PROPERTY = "temper.test.keycloak.shared-realm-url";
    /** The running Keycloak's process and ports, for a restart from whatever class loader asks. */
    private static final String SHARED_PID_PROPERTY = "temper.test.keycloak.shared-pid";
    private static final String SHARED_PORTS_PROPERTY = "temper.test.keycloak.shared-ports";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String HOME_PROPERTY = "temper.keycloak.home";
    private static final String REALM_RESOURCE = "/keycloak/temper-realm.json";
    private static final Path LOG_FILE = Path.of("target", "keycloak-test.log");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static String realmUrl;

    @Override
    public Map<String, String> start() {
        String url = realmUrl();
        return Map.of(
                "quarkus.oidc.auth-server-url", url,
                "quarkus.oidc.api.auth-server-url", url,
                REALM_URL_PROPERTY, url);
    }

    @Override
    public void stop() {
        // Shared across test profiles; the shutdown hook stops it when the JVM exits.
    }

    /**
     * The realm URL of the shared Keycloak, starting it on first call. A test class with resources of its
     * own runs Quarkus in a fresh class loader, where this class's fields start empty again, so the URL is
     * also kept in a system property: one Keycloak per JVM, whatever the class loader.
     */
    public static String realmUrl() {
        synchronized (System.class) {
            if (realmUrl == null) {
                String shared = System.getProperty(SHARED_URL_PROPERTY);
                String external = System.getenv(EXTERNAL_URL_ENV);
                realmUrl = shared != null ? shared
                        : external != null && !external.isBlank() ? stripTrailingSlash(external) : startShared();
                System.setProperty(SHARED_URL_PROPERTY, realmUrl);
            }
            return realmUrl;
        }
    }

    private static String startShared() {
        return launch(KeycloakLauncher.freePort(), KeycloakLauncher.freePort(), LOG_FILE).realmUrl();
    }

    /**
     * Stops the Keycloak this JVM started (a fault the load harness injects); signed-in users keep their tokens,
     * new sign-ins and token requests fail until {@link #startAgain()}.
     */
    public static void stopShared() {
        synchronized (System.class) {
            String pid = System.getProperty(SHARED_PID_PROPERTY);
            if (pid == null) {
                throw new IllegalStateException("No Keycloak started by this JVM (an external one is not ours to stop)");
            }
            ProcessHandle kcSh = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
            // The tree first: once kc.sh is gone, its java child is re-parented and out of reach.
            List<ProcessHandle> tree = new ArrayList<>(kcSh.descendants().toList());
            tree.add(kcSh);
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : tree) {
                try {
                    process.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /** Starts the stopped Keycloak again on the same ports, with the same data: its realm URL does not change. */
    public static void startAgain() {
        synchronized (System.class) {
            String[] ports = System.getProperty(SHARED_PORTS_PROPERTY).split(",");
            launch(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), Path.of("target", "keycloak-restarted.log"));
        }
    }

    private static KeycloakLauncher launch(int httpPort, int managementPort, Path logFile) {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("System property " + HOME_PROPERTY
                    + " is not set: point it at an unpacked keycloak-quarkus-dist (the Maven build sets it),"
                    + " or set " + EXTERNAL_URL_ENV + " to a running realm");
        }
        KeycloakLauncher keycloak;
        try (InputStream realm = KeycloakTestResource.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException("Classpath resource " + REALM_RESOURCE + " is missing");
            }
            keycloak = KeycloakLauncher.start(Path.of(home), realm, httpPort, managementPort, logFile, START_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-test-shutdown"));
        System.setProperty(SHARED_PID_PROPERTY, Long.toString(keycloak.pid()));
        System.setProperty(SHARED_PORTS_PROPERTY, httpPort + "," + managementPort);
        return keycloak;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
