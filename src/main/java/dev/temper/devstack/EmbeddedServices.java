package dev.temper.devstack;

import dev.temper.base.schema.StartupMigration;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Zero-setup mode ({@code temper.embedded.enabled}): starts a real PostgreSQL (embedded binaries) and a
 * real Keycloak with the demo realm before the schema is migrated, and stops them with the app.
 * OIDC connects lazily, on the first sign-in, so it does not matter that Keycloak comes up after it.
 */
@ApplicationScoped
public class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);
    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);

    private final boolean enabled;
    private final int postgresPort;
    private final Path postgresData;
    private final int keycloakPort;
    private final Path keycloakHome;

    private EmbeddedPostgres postgres;
    private KeycloakLauncher keycloak;

    EmbeddedServices(EmbeddedConfig config) {
        this.enabled = config.enabled();
        this.postgresPort = config.postgresPort();
        this.postgresData = config.postgresData();
        this.keycloakPort = config.keycloakPort();
        this.keycloakHome = config.keycloakHome();
    }

    /** PostgreSQL first, with the owner and app roles: the schema migration that follows needs them. */
    void startPostgres(@Observes @Priority(StartupMigration.STARTUP_PRIORITY - 10) StartupEvent event)
            throws IOException {
        if (!enabled) {
            return;
        }
        if (isListening(postgresPort)) {
            LOG.infof("PostgreSQL already answers on port %d; using it", postgresPort);
        } else {
            Files.createDirectories(postgresData);
            postgres = EmbeddedPostgres.builder()
                    .setPort(postgresPort)
                    .setDataDirectory(postgresData)
                    .setCleanDataDirectory(false)
                    .start();
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", postgresPort, postgresData.toAbsolutePath());
        }
        // The embedded server's superuser is used for this step only; the app then connects as the app role.
        DatabaseRoles.create("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "postgres",
                DatabaseRoles.DATABASE, DatabaseRoles.DEMO_OWNER, DatabaseRoles.DEMO_APP);
    }

    /** Keycloak after the migration; OIDC connects to it on the first sign-in. */
    void startKeycloak(@Observes @Priority(StartupMigration.STARTUP_PRIORITY + 10) StartupEvent event)
            throws IOException {
        if (!enabled) {
            return;
        }
        if (isListening(keycloakPort)) {
            LOG.infof("Keycloak already answers on port %d; using it", keycloakPort);
            return;
        }
        try (InputStream realm = EmbeddedServices.class.getResourceAsStream("/keycloak/temper-realm.json")) {
            LOG.infof("Starting Keycloak on port %d (first start takes up to a minute)", keycloakPort);
            keycloak = KeycloakLauncher.start(keycloakHome.toAbsolutePath(), realm, keycloakPort, keycloakPort + 1,
                    Path.of("data", "keycloak.log"), KEYCLOAK_TIMEOUT);
            LOG.infof("Keycloak ready: %s (demo users alice, bob, carol, dana, erin, frank; password = user name)",
                    keycloak.realmUrl());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
