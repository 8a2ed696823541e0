package dev.temper.training;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.dataset.BarImagesIdx;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scheduling fields on submit, cancelling a running job (its worker stops and reports nothing more),
 * retrying it, and the maximum run time, with real worker processes.
 */
@QuarkusTest
class JobControlApiTest {

    private static Long datasetId;

    /** Registered on first use: REST Assured points at the test server only once Quarkus runs the tests. */
    private static synchronized long datasetId() throws Exception {
        if (datasetId != null) {
            return datasetId;
        }
        datasetId = BarImagesIdx.register("alice", "control-bars", 2_000, 5);
        return datasetId;
    }

    @Test
    void schedulingFieldsAreValidatedWithTheFieldNamedAndStored() throws Exception {
        int before = jobCount();
        submit(Map.of("priority", 101)).statusCode(400).body("detail", containsString("priority: 0 to 100"));
        submit(Map.of("resources", Map.of("gpus", 9))).statusCode(400)
                .body("detail", containsString("resources: gpus: 0 to 8, not 9"));
        submit(Map.of("resources", Map.of("memoryMiB", 64))).statusCode(400)
                .body("detail", containsString("memoryMiB: 256 to 524288"));
        submit(Map.of("maxRuntimeMinutes", 0)).statusCode(400).body("detail", containsString("maxRuntimeMinutes"));
        submit(Map.of("maxRetries", 11)).statusCode(400).body("detail", containsString("maxRetries: 0 to 10"));
        assertThat(jobCount()).isEqualTo(before);

        JsonPath job = submit(Map.of("priority", 80, "resources", Map.of("gpus", 0, "cpu", 2, "memoryMiB", 4096),
                "maxRuntimeMinutes", 30, "maxRetries", 1, "strategy", Map.of("epochs", 1))).statusCode(201)
                .extract().jsonPath();
        assertThat(job.getInt("scheduling.priority")).isEqualTo(80);
        assertThat(job.getDouble("scheduling.resources.cpu")).isEqualTo(2.0);
        assertThat(job.getInt("scheduling.resources.memoryMiB")).isEqualTo(4096);
        assertThat(job.getInt("scheduling.maxRuntimeMinutes")).isEqualTo(30);
        assertThat(job.getInt("scheduling.maxRetries")).isEqualTo(1);
    }

    @Test
    void aCancelledJobStopsItsWorkerAndCanBeRetried() throws Exception {
        long id = submit(Map.of("strategy", Map.of("epochs", 200))).statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofMinutes(2)).until(() -> job(id).getInt("epochsDone") >= 2);

        as("dana").post("/api/jobs/{id}/cancel", id).then().statusCode(403);
        as("bob").post("/api/jobs/{id}/cancel", id).then().statusCode(404);
        as("alice").post("/api/jobs/{id}/cancel", id).then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("message", containsString("Cancelled by alice"));
        int epochsAtCancel = job(id).getInt("epochsDone");
        // The worker is stopped and its token void: nothing it still sends is counted. Give it time to try.
        Thread.sleep(8_000);
        assertThat(job(id).getString("state")).isEqualTo("CANCELLED");
        assertThat(job(id).getInt("epochsDone")).isLessThanOrEqualTo(epochsAtCancel + 1);
        as("alice").post("/api/jobs/{id}/cancel", id).then().statusCode(409)
                .body("detail", containsString("has already ended"));

        as("dana").post("/api/jobs/{id}/retry", id).then().statusCode(403);
        as("alice").post("/api/jobs/{id}/retry", id).then().statusCode(200).body("state", equalTo("QUEUED"))
                .body("epochsDone", equalTo(0));
        await().atMost(Duration.ofMinutes(2)).until(() -> job(id).getInt("epochsDone") >= 1);
        assertThat(job(id).getInt("attempt")).isEqualTo(2);
        as("alice").post("/api/jobs/{id}/cancel", id).then().statusCode(200);

        List<String> actions = as("erin").get("/api/audit?size=500").then().extract().jsonPath()
                .getList("items.action");
        assertThat(actions).contains("job.cancelled", "job.retry");
    }

    @Test
    void aJobOverItsMaximumRunTimeIsStopped() throws Exception {
        // PGD adversarial training on every batch: far more than a minute of work for 5,000 epochs.
        long id = submit(Map.of("maxRuntimeMinutes", 1, "strategy", Map.of("epochs", 5_000, "adversarial",
                Map.of("method", "PGD", "epsilon", 0.1, "stepSize", 0.025, "steps", 10, "ratio", 1.0))))
                .statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !List.of("QUEUED", "STARTING", "RUNNING").contains(job(id).getString("state")));
        JsonPath job = job(id);
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("message")).contains("ran longer than its maximum of 1 minutes");
        assertThat(job.getInt("epochsDone")).isLessThan(5_000);
    }

    private static ValidatableResponse submit(Map<String, Object> extra) throws Exception {
        Map<String, Object> request = new HashMap<>(Map.of("kind", "PRETRAIN", "modelName", "control-cnn",
                "datasetVersionId", datasetId(), "architecture", Map.of("type", "CNN", "height", 28, "width", 28,
                        "channels", 1, "convFilters", List.of(8), "denseWidths", List.of(16)),
                "strategy", Map.of("epochs", 3)));
        request.putAll(extra);
        return as("alice").contentType(ContentType.JSON).body(request).post("/api/jobs").then();
    }

    private static JsonPath job(long id) {
        return as("alice").get("/api/jobs/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static int jobCount() {
        return as("alice").get("/api/jobs").then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
