package dev.temper.journey;

import static dev.temper.testsupport.Api.as;
import static dev.temper.testsupport.Jobs.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.temper.dataset.BarImagesIdx;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An IDX image upload is trainable as it is: a CNN learns it, and a rotated copy derived from it measures
 * the model under domain shift, side by side on that copy's leaderboard.
 */
@QuarkusTest
class ImageDatasetApiTest {

    @Test
    void aCnnTrainedOnIdxImagesLosesAccuracyOnARotatedCopy() throws Exception {
        Path dir = Files.createTempDirectory("idx-journey-");
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        BarImagesIdx.write(images, labels, 1_200, 77);
        long datasetId = as("alice").multiPart("name", "idx-bars").multiPart("format", "IDX")
                .multiPart("file", images.toFile()).multiPart("labelsFile", labels.toFile())
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");

        long jobId = as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName",
                "idx-cnn", "datasetVersionId", datasetId, "architecture", Map.of("type", "CNN", "height", 28,
                        "width", 28, "channels", 1, "convFilters", List.of(8), "denseWidths", List.of(16)),
                "strategy", Map.of("epochs", 4, "optimizer", Map.of("learningRate", 0.005))))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath job = awaitFinished("alice", jobId);
        assertThat(job.getString("state")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        long modelId = job.getLong("resultModelVersionId");

        // Each class is a bar at its own angle, 18 degrees apart: a 25-degree turn moves bars between classes.
        long rotatedId = as("alice").contentType(ContentType.JSON).body(Map.of("operation", "shift",
                "kind", "rotation", "amount", 25)).post("/api/datasets/{id}/derive", datasetId).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as("dana").contentType(ContentType.JSON).body(Map.of("modelVersionId", modelId, "datasetVersionId", rotatedId))
                .post("/api/jobs/evaluations").then().statusCode(403);
        as("bob").contentType(ContentType.JSON).body(Map.of("modelVersionId", modelId, "datasetVersionId", rotatedId))
                .post("/api/jobs/evaluations").then().statusCode(404);
        as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", modelId, "datasetVersionId", rotatedId))
                .post("/api/jobs/evaluations").then().statusCode(201);
        as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", modelId, "datasetVersionId", rotatedId))
                .post("/api/jobs/evaluations").then().statusCode(409);
        long otherClasses = as("alice").multiPart("name", "other-classes").multiPart("labelColumn", "species")
                .multiPart("file", "o.csv", CsvFixtures.blobs(60, 3).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", modelId, "datasetVersionId", otherClasses))
                .post("/api/jobs/evaluations").then().statusCode(400).body("detail", containsString("has the classes"));

        await().atMost(Jobs.TIMEOUT).until(() -> board(rotatedId).getList("items").size() == 1
                && board(datasetId).getList("items").size() == 1);
        float original = board(datasetId).getFloat("items[0].cleanAccuracy");
        float rotated = board(rotatedId).getFloat("items[0].cleanAccuracy");
        System.out.printf("IDX bars CNN: clean accuracy %.3f on the upload, %.3f rotated by 25 degrees%n", original,
                rotated);
        assertThat(original).isGreaterThan(0.8f);
        assertThat(rotated).isLessThan(original - 0.3f);
    }

    private static JsonPath board(long datasetId) {
        return as("alice").get("/api/leaderboards/{id}", datasetId).then().statusCode(200).extract().jsonPath();
    }
}
