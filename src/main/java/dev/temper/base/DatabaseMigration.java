package dev.temper.base;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema at start-up. Done here rather than with migrate-at-start so that an embedded
 * PostgreSQL (see {@code dev.temper.devstack}) is already running when Flyway connects.
 */
@ApplicationScoped
public class DatabaseMigration {

    public static final int STARTUP_PRIORITY = 100;

    void migrate(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event, Flyway flyway) {
        flyway.migrate();
    }
}
