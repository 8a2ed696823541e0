package dev.temper.storage;

import static dev.temper.testsupport.Api.as;
import static dev.temper.testsupport.Jobs.awaitFinished;
import static dev.temper.testsupport.Jobs.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.Sha256;
import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole server on the S3 store against a real S3 server (S3Proxy): a dataset registered through the
 * API lands in the bucket, not on local disk, reads back byte for byte, and a worker trains from it and
 * stores its model there.
 */
@QuarkusTest
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = true)
class S3StorageApiTest {

    @Inject
    ArtifactStore store;

    @Test
    void datasetsAndModelsLiveInTheBucket() throws Exception {
        JsonPath version = as("alice").multiPart("name", "s3-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "s3.csv", CsvFixtures.blobs(300, 404).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
        String sha256 = version.getString("sha256");
        String key = "datasets/team-a/" + sha256 + ".tds";
        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).isEqualTo(version.getLong("sizeBytes"));
        assertThat(Files.exists(Path.of("target", "test-artifacts").resolve(key))).isFalse();

        byte[] content = as("alice").get("/api/datasets/{id}/content", version.getLong("id")).then().statusCode(200)
                .extract().asByteArray();
        assertThat(Sha256.hex(content)).isEqualTo(sha256);

        long jobId = as("alice").contentType("application/json").body(Map.of("kind", "PRETRAIN", "modelName",
                "s3-base", "datasetVersionId", version.getLong("id"), "strategy", strategy(3, 0.01, 0, false, 0)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath job = awaitFinished("alice", jobId);
        assertThat(job.getString("state")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        String modelSha = as("alice").get("/api/models/{id}", job.getLong("resultModelVersionId")).then().statusCode(200)
                .extract().path("sha256");
        assertThat(modelSha).hasSize(64);
    }
}
