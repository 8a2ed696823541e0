package dev.temper.training;

import static dev.temper.testsupport.Api.as;
import static dev.temper.testsupport.Jobs.strategy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A job spec that cannot run is refused on submit with a problem+json naming the field, and no job is created. */
@QuarkusTest
class JobValidationApiTest {

    private static long datasetId;

    @BeforeEach
    void aDatasetExists() {
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "validation-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "v.csv", CsvFixtures.blobs(60, 5).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().extract().jsonPath().getLong("id");
        }
    }

    @Test
    void badStrategiesAreRefusedWithTheFieldNamed() {
        int jobsBefore = jobCount();
        refused(pretrain(strategy(0, 0.01, 0, false, 0.0)), "strategy: epochs");
        refused(pretrain(strategy(5, -0.1, 0, false, 0.0)), "strategy: learningRate");
        refused(pretrain(strategy(5, 0.01, -1, false, 0.0)), "strategy: firstLayers");
        refused(pretrain(strategy(5, 0.01, 3, false, 0.0)), "strategy.freeze: frozenLayers (3) exceeds the 2 layers");
        refused(pretrain(strategy(5, 0.01, 0, true, 0.0)), "strategy: epsilon must be > 0 for FGSM");
        Map<String, Object> unknownOptimizer = pretrain(Map.of("optimizer", Map.of("kind", "ADAMW")));
        refused(unknownOptimizer, "strategy: ");
        Map<String, Object> noBase = pretrain(strategy(5, 0.01, 0, false, 0.0));
        noBase.put("kind", "FINETUNE");
        refused(noBase, "baseModelVersionId: fine-tuning needs a base model version");
        Map<String, Object> badWidths = pretrain(strategy(5, 0.01, 0, false, 0.0));
        badWidths.put("architecture", Map.of("type", "MLP", "hiddenWidths", List.of(16, 0)));
        refused(badWidths, "architecture.hiddenWidths");
        Map<String, Object> wrongImage = pretrain(strategy(5, 0.01, 0, false, 0.0));
        wrongImage.put("architecture", Map.of("type", "CNN", "height", 28, "width", 28, "channels", 1,
                "convFilters", List.of(8)));
        refused(wrongImage, "image has 784 values");
        Map<String, Object> unknownDataset = pretrain(strategy(5, 0.01, 0, false, 0.0));
        unknownDataset.put("datasetVersionId", 999_999);
        as("alice").contentType(ContentType.JSON).body(unknownDataset).post("/api/jobs").then().statusCode(404)
                .contentType("application/problem+json");
        as("alice").contentType(ContentType.JSON).body("{\"kind\":\"PRETRAIN\"").post("/api/jobs").then()
                .statusCode(400);
        Assertions.assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    @Test
    void valuesBeyondTheDocumentedLimitsAreRefusedNotStored() {
        int jobsBefore = jobCount();
        refused(pretrain(Map.of("epochs", 1_000_000_000)), "epochs must be between 1 and 10000");
        refused(pretrain(Map.of("batchSize", Integer.MAX_VALUE)), "batchSize must be between 1 and 65536");
        refused(pretrain(Map.of("optimizer", Map.of("learningRate", 1e308))), "learningRate must be <= 10");
        refused(pretrain(Map.of("adversarial", Map.of("method", "PGD", "epsilon", 0.1, "stepSize", 0.01,
                "steps", 1_000_000_000))), "steps must be between 1 and 1000");
        Map<String, Object> imageEpsilon = pretrain(Map.of("adversarial", Map.of("method", "FGSM", "epsilon", 8)));
        imageEpsilon.put("architecture", Map.of("type", "CNN", "height", 2, "width", 2, "channels", 1,
                "convFilters", List.of(4)));
        refused(imageEpsilon, "strategy.adversarial.epsilon must be <= 1 for image models");
        Assertions.assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    private static Map<String, Object> pretrain(Map<String, Object> strategy) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PRETRAIN");
        body.put("modelName", "should-not-exist");
        body.put("datasetVersionId", datasetId);
        body.put("strategy", strategy);
        return body;
    }

    private static void refused(Map<String, Object> body, String message) {
        as("alice").contentType(ContentType.JSON).body(body).post("/api/jobs").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(message))
                .body("detail", not(containsString("dev.temper")));
    }

    private static int jobCount() {
        return as("alice").get("/api/jobs").then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
