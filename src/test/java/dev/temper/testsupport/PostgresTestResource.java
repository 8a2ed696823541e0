package dev.temper.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A real, throw-away PostgreSQL for the test JVM, shared by all test profiles. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String SHARED_URL_PROPERTY = "temper.test.postgres.shared-jdbc-url";

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // Shared across test profiles; stopped by the shutdown hook.
    }

    /** Like Keycloak, one PostgreSQL per JVM, also for test classes that run Quarkus in a class loader of their own. */
    private static String jdbcUrl() {
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
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
