package dev.temper.journey;

import static dev.temper.testsupport.Api.as;
import static dev.temper.testsupport.Jobs.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.temper.dataset.BarImagesIdx;
import dev.temper.testsupport.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An image model through the whole platform: a CNN pre-trained on 8x8 images stored as pixel columns,
 * fine-tuned with PGD adversarial training, both evaluated with the common corruptions, the fine-tuned
 * version's corruption error relative to its base (mCE).
 */
@QuarkusTest
class ImageModelApiTest {

    @Test
    void aCnnIsPretrainedFineTunedWithPgdAndComparedUnderCorruptions() throws Exception {
        // An image dataset (IDX), so that evaluations attack in pixels and meet the corruptions.
        Path dir = Files.createTempDirectory("image-model-");
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        BarImagesIdx.write(images, labels, 600, 17);
        long datasetId = as("alice").multiPart("name", "bars").multiPart("format", "IDX")
                .multiPart("file", images.toFile()).multiPart("labelsFile", labels.toFile())
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        long baseId = train(Map.of("kind", "PRETRAIN", "modelName", "bars-cnn", "datasetVersionId", datasetId,
                "architecture", Map.of("type", "CNN", "height", 28, "width", 28, "channels", 1,
                        "convFilters", List.of(8), "denseWidths", List.of(16)),
                "strategy", Map.of("epochs", 6, "optimizer", Map.of("learningRate", 0.005))));
        long robustId = train(Map.of("kind", "FINETUNE", "modelName", "bars-cnn-robust", "datasetVersionId", datasetId,
                "baseModelVersionId", baseId,
                "strategy", Map.of("epochs", 3, "freeze", Map.of("layerNames", List.of("conv0")),
                        "adversarial", Map.of("method", "PGD", "epsilon", 0.1, "stepSize", 0.05, "steps", 3,
                                "randomStart", true, "ratio", 0.5))));

        await().atMost(Jobs.TIMEOUT).until(() ->
                as("alice").get("/api/leaderboards/{id}", datasetId).then().extract().jsonPath().getList("items").size() == 2);
        JsonPath board = as("alice").get("/api/leaderboards/{id}", datasetId).then().extract().jsonPath();
        Map<String, Object> base = board.getMap("items.find { it.modelVersionId == " + baseId + " }");
        Map<String, Object> robust = board.getMap("items.find { it.modelVersionId == " + robustId + " }");
        assertThat((Float) base.get("cleanAccuracy")).isGreaterThan(0.6f);
        assertThat((Float) base.get("meanCorruptionAccuracy")).isBetween(0f, 1f);
        assertThat(base.get("meanCorruptionError")).as("a pre-trained model has no base to compare with").isNull();
        assertThat((Float) robust.get("meanCorruptionAccuracy")).isBetween(0f, 1f);
        assertThat((Float) robust.get("meanCorruptionError")).isPositive();

        // The worker sent a strip of the base's adversarial examples at the largest epsilon, each within it.
        JsonPath strip = as("alice").get("/api/evaluations/{id}/adversarial-examples",
                ((Number) base.get("evaluationId")).longValue()).then().statusCode(200).extract().jsonPath();
        double epsilon = strip.getDouble("epsilon");
        assertThat(strip.getList("examples")).hasSize(8);
        assertThat(strip.getList("examples.distance", Float.class))
                .allSatisfy(distance -> assertThat(distance).isLessThanOrEqualTo((float) epsilon + 1e-5f));
        assertThat(strip.getList("examples.fooled", Boolean.class)).as("a normally trained CNN is fooled")
                .contains(true);
    }

    private static long train(Map<String, Object> request) {
        long jobId = as("alice").contentType(ContentType.JSON).body(request).post("/api/jobs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonPath job = awaitFinished("alice", jobId);
        assertThat(job.getString("state")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        return job.getLong("resultModelVersionId");
    }
}
