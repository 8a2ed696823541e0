package dev.temper.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.Json;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Jobs stored before the engine's strategy records (schema V1) read back, after V2, as exactly the
 * strategy they meant: the legacy seven-field strategy and an MLP of the stored widths.
 */
class SettingsMigrationTest {

    private static final String V1_SETTINGS = "{\"strategy\":{\"epochs\":8,\"batchSize\":32,\"learningRate\":0.005,"
            + "\"frozenLayers\":1,\"fgsm\":true,\"fgsmEpsilon\":0.1,\"seed\":7},\"hiddenWidths\":[32,16]}";

    @Test
    void firstFormatSettingsBecomeTheStrategyTheyMeant() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).target(MigrationVersion.fromVersion("1")).load().migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("insert into dataset(team, name, created_by, created_at) values ('t', 'd', 'a', now())");
                sql.execute("insert into dataset_version(dataset_id, team, version, sha256, artifact_key, row_count,"
                        + " feature_names, label_column, class_names, class_counts, split_seed, train_count,"
                        + " validation_count, test_count, created_by, created_at) values (1, 't', 1, repeat('a', 64),"
                        + " 'k', 1, '[]', 'l', '[]', '{}', 1, 1, 0, 0, 'a', now())");
                sql.execute("insert into training_job(team, kind, state, model_name, dataset_version_id, strategy,"
                        + " epochs_total, created_by, created_at) values ('t', 'FINETUNE', 'SUCCEEDED', 'm', 1, '"
                        + V1_SETTINGS + "', 8, 'a', now())");
            }

            Flyway.configure().dataSource(dataSource).load().migrate();

            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("select strategy from training_job")) {
                row.next();
                TrainingSettings migrated = Json.read(row.getString(1), TrainingSettings.class);
                TrainingStrategy legacy = new TrainingStrategy(8, 32, 0.005, 1, true, 0.1, 7);
                assertThat(migrated).isEqualTo(new TrainingSettings(legacy, ArchitectureSpec.mlp(List.of(32, 16))));
            }
        }
    }
}
