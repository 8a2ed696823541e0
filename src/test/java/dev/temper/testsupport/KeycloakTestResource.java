package dev.temper.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
            keycloak = KeycloakLauncher.start(Path.of(home), realm, KeycloakLauncher.freePort(),
                    KeycloakLauncher.freePort(), LOG_FILE, START_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-test-shutdown"));
        return keycloak.realmUrl();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
