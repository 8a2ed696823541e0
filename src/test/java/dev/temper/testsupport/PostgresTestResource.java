package dev.temper.testsupport;

import dev.temper.devstack.DatabaseRoles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real, throw-away PostgreSQL for the test JVM, shared by all test profiles. As in production, the app connects
 * as the app role, which owns nothing, and Flyway as the owner; the superuser only creates the two roles and the
 * database here, and tests that tamper with the trail use it explicitly ({@link Database#superuser()}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /** The JDBC URL of the test database, without credentials. */
    static final String SHARED_URL_PROPERTY = "temper.test.postgres.shared-jdbc-url";
    static final String SUPERUSER = "postgres";

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", DatabaseRoles.DEMO_APP.user(),
                "quarkus.datasource.password", DatabaseRoles.DEMO_APP.password(),
                "quarkus.flyway.username", DatabaseRoles.DEMO_OWNER.user(),
                "quarkus.flyway.password", DatabaseRoles.DEMO_OWNER.password());
    }

    @Override
    public void stop() {
        // Shared across test profiles; stopped by the shutdown hook.
    }

    /** Like Keycloak, one PostgreSQL per JVM, also for test classes that run Quarkus in a class loader of their own. */
    static String jdbcUrl() {
        synchronized (System.class) {
            String shared = System.getProperty(SHARED_URL_PROPERTY);
            if (shared == null) {
                shared = startShared();
                System.setProperty(SHARED_URL_PROPERTY, shared);
            }
            return shared;
        }
    }

    private static String startShared() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // The JVM is exiting; the data directory is temporary.
            }
        }, "postgres-test-shutdown"));
        // Credentials go separately, never in the URL: pgjdbc lets a user=... in the URL win over them.
        return DatabaseRoles.create("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", SUPERUSER,
                SUPERUSER,
                DatabaseRoles.DATABASE, DatabaseRoles.DEMO_OWNER, DatabaseRoles.DEMO_APP);
    }
}
