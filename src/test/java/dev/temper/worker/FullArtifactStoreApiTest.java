package dev.temper.worker;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ModelArchive;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Database;
import dev.temper.training.HandMadeAttempts;
import dev.temper.training.HandMadeAttempts.Attempt;
import dev.temper.training.JobState;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full artifact store, made without mounting anything: the store's reserve is set above any disk's free space, so
 * every write is refused as if the volume were full. The worker's real client uploads a model, and a user uploads a
 * dataset: both get a 507 problem saying the store is full, the job fails with that reason, and nothing is
 * registered or left on disk.
 */
@QuarkusTest
@TestProfile(FullArtifactStoreApiTest.FullStore.class)
class FullArtifactStoreApiTest {

    /** The filesystem store refuses whatever would leave less than an exbibyte free. */
    public static class FullStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("temper.storage.min-free-bytes", String.valueOf(1L << 60));
        }
    }

    @Inject
    TrainingJobRepository jobs;

    @Inject
    DatasetVersionRepository datasets;

    @ConfigProperty(name = "temper.worker.server-url")
    String serverUrl;

    private HandMadeAttempts madeAttempts;

    @AfterEach
    void endAttempts() {
        if (madeAttempts != null) {
            madeAttempts.endAll();
        }
    }

    @Test
    void aTrainedModelThatDoesNotFitFailsTheJobWithThatReasonAndRegistersNothing() throws Exception {
        int modelsBefore = modelCount();
        List<Path> storedBefore = storedFiles();
        Path model = Files.createTempDirectory("full-store-model");
        Files.writeString(model.resolve("saved_model.pb"), "graph");
        Path zip = Files.createTempDirectory("full-store-zip").resolve("model.zip");
        ModelArchive.zip(model, zip);
        // Started last: an attempt silent for the heartbeat timeout (10 s in tests) would be retried with a new token.
        madeAttempts = new HandMadeAttempts(jobs, datasets);
        Attempt attempt = madeAttempts.start(datasetVersionRow(), JobState.RUNNING);
        // Patience long enough that a retried 507 would still be retrying when the assertion below ran.
        ServerClient worker = new ServerClient(serverUrl, attempt.jobId(), attempt.token(), Duration.ofMinutes(10));

        IOException refused = assertThrows(IOException.class, () -> worker.uploadModel(
                zip, ContentHash.of(model), "{\"architecture\":\"mlp\",\"inputDim\":4,\"hiddenWidths\":[8],"
                        + "\"classCount\":3,\"classNames\":[\"a\",\"b\",\"c\"]}"));
        assertThat(refused).hasMessageContaining("answered 507").hasMessageContaining("The artifact store is full")
                .hasMessageContaining("MiB free");
        WorkerMain.reportFailure(worker, refused);

        var job = as("alice").get("/api/jobs/{id}", attempt.jobId()).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("message")).contains("The artifact store is full");
        assertThat(modelCount()).isEqualTo(modelsBefore);
        assertThat(storedFiles()).isEqualTo(storedBefore);
    }

    @Test
    void aDatasetUploadThatDoesNotFitIsRefusedWithAProblemAndRegistersNothing() throws Exception {
        String name = "full-store-" + UUID.randomUUID();
        List<Path> storedBefore = storedFiles();

        as("alice").multiPart("name", name).multiPart("labelColumn", "species")
                .multiPart("file", "f.csv", CsvFixtures.blobs(90, 47).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(507).contentType("application/problem+json")
                .body("title", containsString("Insufficient storage"))
                .body("detail", containsString("The artifact store is full"))
                .body("detail", containsString("needed"));

        try (Connection db = Database.app(); var rows = db.prepareStatement("select count(*) from dataset where name = ?")) {
            rows.setString(1, name);
            try (ResultSet count = rows.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).isZero();
            }
        }
        assertThat(storedFiles()).isEqualTo(storedBefore);
    }

    private static int modelCount() {
        return as("alice").get("/api/models").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    /** Every file in the test store, partial ones included. */
    private static List<Path> storedFiles() throws IOException {
        Path root = Path.of("target", "test-artifacts");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * A dataset version of team-a as a row only: the full store takes no upload, and the job never reads it. It is
     * archived, so the lists (and screenshots) of tests sharing the database do not show it.
     */
    private static long datasetVersionRow() throws SQLException {
        try (Connection db = Database.app(); Statement sql = db.createStatement()) {
            String name = "full-store-" + UUID.randomUUID();
            try (ResultSet dataset = sql.executeQuery("insert into dataset(team, name, created_by, created_at)"
                    + " values ('team-a', '" + name + "', 'alice', now()) returning id")) {
                dataset.next();
                try (ResultSet version = sql.executeQuery("insert into dataset_version(dataset_id, team, version,"
                        + " sha256, artifact_key, row_count, feature_names, label_column, class_names, class_counts,"
                        + " split_seed, train_count, validation_count, test_count, epsilon_unit, created_by,"
                        + " created_at, archived_at) values (" + dataset.getLong(1) + ", 'team-a', 1, repeat('a', 64),"
                        + " 'datasets/" + name + "', 90, '[\"x\",\"y\"]', 'species', '[\"a\",\"b\",\"c\"]', '{}', 1,"
                        + " 63, 13, 14, 'RAW_FEATURES', 'alice', now(), now()) returning id")) {
                    version.next();
                    return version.getLong(1);
                }
            }
        }
    }
}
