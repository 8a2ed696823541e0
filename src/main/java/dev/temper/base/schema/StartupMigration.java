package dev.temper.base.schema;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema at start-up with the Flyway scripts in {@code db/migration}. Done here rather than
 * with migrate-at-start so that an embedded PostgreSQL (see {@code dev.temper.devstack}) is already
 * running when Flyway connects.
 */
@ApplicationScoped
public class StartupMigration {

    public static final int STARTUP_PRIORITY = 100;

    void migrate(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event, Flyway flyway) {
        flyway.migrate();
    }
}
