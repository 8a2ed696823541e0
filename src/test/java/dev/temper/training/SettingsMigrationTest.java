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
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Jobs and model versions stored before the engine's strategy records (schema V1) read back, after V2, as
 * exactly the strategy they meant: the legacy seven-field strategy and an MLP of the stored widths. Later
 * renames of the columns keep what they hold.
 */
class SettingsMigrationTest {

    private static final String V1_MANIFEST = "{\"architecture\":\"MLP\"}";
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
                sql.execute("insert into model_version(team, name, version, sha256, artifact_key, architecture,"
                        + " dataset_version_id, job_id, strategy, created_by, created_at) values ('t', 'm', 1,"
                        + " repeat('b', 64), 'k', '" + V1_MANIFEST + "', 1, 1, '" + V1_SETTINGS + "', 'a', now())");
            }

            // The app role is the connecting superuser here, so V19 has no separate role to grant to.
            Flyway.configure().dataSource(dataSource).placeholders(Map.of("appRole", "postgres")).load().migrate();

            TrainingStrategy legacy = new TrainingStrategy(8, 32, 0.005, 1, true, 0.1, 7);
            TrainingSettings meant = new TrainingSettings(legacy, ArchitectureSpec.mlp(List.of(32, 16)));
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                try (ResultSet job = sql.executeQuery("select settings_json from training_job")) {
                    job.next();
                    assertThat(Json.read(job.getString(1), TrainingSettings.class)).isEqualTo(meant);
                }
                try (ResultSet model = sql.executeQuery("select settings_json, manifest_json from model_version")) {
                    model.next();
                    assertThat(Json.read(model.getString(1), TrainingSettings.class)).isEqualTo(meant);
                    assertThat(model.getString(2)).isEqualTo(V1_MANIFEST);
                }
            }
        }
    }
}
