package dev.temper.training;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.training.HandMadeAttempts.Attempt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker API seen from a worker: tokens bind a worker to its own job and attempt, batches are
 * idempotent, checkpoints only move forward, and an ended attempt is refused. The jobs here are rows in
 * STARTING with a token the test knows, so no worker process competes with the test's own reports.
 */
@QuarkusTest
class WorkerProtocolApiTest {

    private static long datasetId;

    @Inject
    TrainingJobRepository jobs;

    @Inject
    DatasetVersionRepository datasets;

    @BeforeEach
    void aDatasetExists() {
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "protocol-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "p.csv", CsvFixtures.blobs(90, 41).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    @Test
    void aTokenOpensOnlyItsOwnJob() {
        Attempt a = startedAttempt();
        Attempt b = startedAttempt();
        worker(a).get(path(a, "/spec")).then().statusCode(200).body("jobId", equalTo((int) a.jobId()))
                .body("attempt", equalTo(1)).body("heartbeatSeconds", equalTo(1));
        // a's token on b's job: no spec, no inputs, no metrics, no logs, no checkpoint, no result.
        worker(a).get(path(b, "/spec")).then().statusCode(401);
        worker(a).get(path(b, "/dataset")).then().statusCode(401);
        worker(a).contentType(ContentType.JSON).body(batch(0, 10)).post(path(b, "/metrics")).then().statusCode(401);
        worker(a).contentType(ContentType.JSON).body(Map.of("lines", List.of(Map.of("seq", 1, "line", "x"))))
                .post(path(b, "/logs")).then().statusCode(401);
        worker(a).contentType(ContentType.BINARY).body(new byte[] {1}).put(path(b, "/checkpoint?epoch=1")).then()
                .statusCode(401);
        worker(a).post(path(b, "/heartbeat")).then().statusCode(401);
        worker(a).contentType(ContentType.JSON).body(Map.of("examples", 10)).post(path(b, "/evaluation")).then()
                .statusCode(401);
        given().get(path(b, "/spec")).then().statusCode(401);
        assertThat(as("alice").get("/api/jobs/{id}/series?name=step/loss", b.jobId()).then().extract().jsonPath()
                .getList("$")).isEmpty();
        // Nor do a user's Keycloak credentials open the worker API.
        as("alice").get(path(a, "/spec")).then().statusCode(401);
    }

    @Test
    void aResentBatchIsNotCountedTwice() {
        Attempt a = startedAttempt();
        Map<String, Object> batch = batch(0, 1_000);
        worker(a).contentType(ContentType.JSON).body(batch).post(path(a, "/metrics")).then().statusCode(200)
                .body("accepted", equalTo(1_001)).body("duplicates", equalTo(0));
        worker(a).contentType(ContentType.JSON).body(batch).post(path(a, "/metrics")).then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1_001));
        // Overlapping: half old, half new.
        worker(a).contentType(ContentType.JSON).body(batch(500, 1_000)).post(path(a, "/metrics")).then()
                .statusCode(200).body("accepted", equalTo(500)).body("duplicates", equalTo(501));
        List<Integer> steps = as("alice").get("/api/jobs/{id}/series?name=step/loss&max=10000", a.jobId()).then()
                .statusCode(200).extract().jsonPath().getList("step", Integer.class);
        assertThat(steps).hasSize(1_500).doesNotHaveDuplicates();
        assertThat(as("alice").get("/api/jobs/{id}/metrics", a.jobId()).then().extract().jsonPath().getList("epoch"))
                .containsExactly(1);
        assertThat(as("alice").get("/api/jobs/{id}/series?name=step/loss&max=100", a.jobId()).then().extract()
                .jsonPath().getList("step")).hasSizeBetween(90, 100);

        Map<String, Object> lines = Map.of("lines", List.of(Map.of("seq", 1, "line", "loading"),
                Map.of("seq", 2, "line", "training")));
        worker(a).contentType(ContentType.JSON).body(lines).post(path(a, "/logs")).then().statusCode(200)
                .body("accepted", equalTo(2));
        worker(a).contentType(ContentType.JSON).body(lines).post(path(a, "/logs")).then().statusCode(200)
                .body("duplicates", equalTo(2));
        assertThat(as("alice").get("/api/jobs/{id}/logs", a.jobId()).then().extract().jsonPath().getList("line"))
                .containsExactly("loading", "training");
        as("bob").get("/api/jobs/{id}/logs", a.jobId()).then().statusCode(404);
    }

    @Test
    void malformedBatchesAreRefusedWithAReason() {
        Attempt a = startedAttempt();
        worker(a).contentType(ContentType.JSON).body(batch(0, 10_001)).post(path(a, "/metrics")).then()
                .statusCode(400).body("detail", containsString("at most 10000 items"));
        worker(a).contentType(ContentType.JSON).body(Map.of("points", List.of(Map.of("step", 1, "value", 1.0))))
                .post(path(a, "/metrics")).then().statusCode(400).body("detail", containsString("name"));
        worker(a).contentType(ContentType.BINARY).body(new byte[] {1, 2}).put(path(a, "/checkpoint?epoch=99"))
                .then().statusCode(400).body("detail", containsString("epoch: 1 to 3"));
        // Results go to the evaluation feature's endpoint, which takes them only from evaluation jobs.
        worker(a).contentType(ContentType.JSON).body(Map.of("examples", 10)).post(path(a, "/evaluation")).then()
                .statusCode(400).body("detail", containsString("produces a model, not evaluation results"));
    }

    @Test
    void checkpointsOnlyMoveForwardAndAnEndedAttemptIsRefused() {
        Attempt a = startedAttempt();
        worker(a).contentType(ContentType.BINARY).body(new byte[] {2, 2}).put(path(a, "/checkpoint?epoch=2")).then()
                .statusCode(204);
        worker(a).contentType(ContentType.BINARY).body(new byte[] {1}).put(path(a, "/checkpoint?epoch=1")).then()
                .statusCode(204);
        assertThat(worker(a).get(path(a, "/checkpoint")).then().statusCode(200).extract().asByteArray())
                .containsExactly(2, 2);
        assertThat(as("alice").get("/api/jobs/{id}", a.jobId()).then().extract().jsonPath().getInt("checkpointEpoch"))
                .isEqualTo(2);

        as("alice").post("/api/jobs/{id}/cancel", a.jobId()).then().statusCode(200);
        worker(a).post(path(a, "/heartbeat")).then().statusCode(401);
        worker(a).contentType(ContentType.JSON).body(batch(0, 5)).post(path(a, "/metrics")).then().statusCode(401);
        List<String> timeline = as("alice").get("/api/jobs/{id}/events", a.jobId()).then().extract().jsonPath()
                .getList("kind");
        assertThat(timeline).containsSubsequence("cancelled");
    }

    /** step/loss points for steps from+1 to from+count, and epoch 1. */
    private static Map<String, Object> batch(int from, int count) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (int step = from + 1; step <= from + count; step++) {
            points.add(Map.of("name", "step/loss", "step", step, "epoch", 1, "value", 1.0 / step));
        }
        return Map.of("epochs", List.of(Map.of("epoch", 1, "totalEpochs", 3, "trainLoss", 0.9, "trainAccuracy", 0.5,
                "validationLoss", 0.8, "validationAccuracy", 0.6, "learningRate", 0.01)), "points", points);
    }

    private HandMadeAttempts attempts;

    @BeforeEach
    void handMadeAttempts() {
        attempts = new HandMadeAttempts(jobs, datasets);
    }

    @AfterEach
    void endAttempts() {
        attempts.endAll();
    }

    private Attempt startedAttempt() {
        return attempts.start(datasetId, JobState.STARTING);
    }

    private static RequestSpecification worker(Attempt attempt) {
        return given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token());
    }

    private static String path(Attempt attempt, String endpoint) {
        return "/api/worker/jobs/" + attempt.jobId() + endpoint;
    }
}
