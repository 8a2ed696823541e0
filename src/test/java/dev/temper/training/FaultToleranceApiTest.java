package dev.temper.training;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.temper.dataset.BarImagesIdx;
import dev.temper.training.dispatch.Reconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Workers that die, fall silent or outlive a restart, with real worker processes: killed (kill -9) mid-run,
 * a job resumes from its last checkpoint and ends with one continuous metric history; a silent worker is
 * declared lost, within the retry limit; reconciliation re-attaches live workers and retires gone ones.
 */
@QuarkusTest
class FaultToleranceApiTest {

    private static final int EPOCHS = 8;
    private static Long datasetId;

    @Inject
    Reconciler reconciler;

    @Inject
    TrainingJobRepository jobs;

    private static synchronized long datasetId() throws Exception {
        if (datasetId != null) {
            return datasetId;
        }
        datasetId = BarImagesIdx.register("alice", "fault-bars", 3_000, 17);
        return datasetId;
    }

    @Test
    void aKilledWorkerIsRetriedFromItsLastCheckpointWithOneContinuousHistory() throws Exception {
        long id = submit(2);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> job(id).getInt("checkpointEpoch") >= 2);
        JsonPath before = job(id);
        ProcessHandle worker = ProcessHandle.of(Long.parseLong(before.getString("worker"))).orElseThrow();
        worker.destroyForcibly(); // SIGKILL: no shutdown hook, no last words to the server
        int checkpointAtKill = before.getInt("checkpointEpoch");

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> job(id).getString("state").equals("SUCCEEDED"));
        JsonPath done = job(id);
        assertThat(done.getInt("attempt")).isEqualTo(2);
        assertThat(done.getInt("epochsDone")).isEqualTo(EPOCHS);
        assertThat(done.getLong("resultModelVersionId")).isPositive();

        List<Integer> epochs = as("alice").get("/api/jobs/{id}/metrics", id).then().statusCode(200)
                .extract().jsonPath().getList("epoch", Integer.class);
        assertThat(epochs).containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
        // Every optimizer step once, none missing, though the first attempt got further than its checkpoint.
        List<Integer> steps = as("alice").get("/api/jobs/{id}/series?name=step/loss&max=10000", id).then()
                .statusCode(200).extract().jsonPath().getList("step", Integer.class);
        assertThat(steps).isNotEmpty().containsExactlyElementsOf(IntStream.rangeClosed(1, steps.size()).boxed().toList());
        assertThat(steps.size() % EPOCHS).isZero();

        List<String> kinds = as("alice").get("/api/jobs/{id}/events", id).then().extract().jsonPath().getList("kind");
        assertThat(kinds).containsSubsequence("queued", "started", "running", "lost", "started", "running",
                "succeeded");
        assertThat(eventMessages(id)).anyMatch(m -> m.contains("the worker process exited with code 137")
                && m.contains("queued again for attempt 2 of 3"));
        assertThat(eventMessages(id)).anyMatch(m -> m.startsWith("Starting worker (attempt 2), resuming after epoch ")
                && Integer.parseInt(m.replaceAll("\\D+$", "").replaceAll(".*\\D", "")) >= checkpointAtKill);
        List<String> log = as("alice").get("/api/jobs/{id}/logs", id).then().extract().jsonPath().getList("line");
        assertThat(log).anyMatch(line -> line.startsWith("Resuming after epoch "))
                .anyMatch(line -> line.startsWith("Epoch " + EPOCHS + "/" + EPOCHS));
    }

    @Test
    void aSilentWorkerIsDeclaredLostAndTheJobFailsWhenNoRetriesAreLeft() throws Exception {
        long id = submit(0);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> job(id).getInt("epochsDone") >= 1);
        long pid = Long.parseLong(job(id).getString("worker"));
        // SIGSTOP: the process lives on but says nothing, like a hung worker or a partitioned node.
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor()).isZero();

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> job(id).getString("state").equals("FAILED"));
        assertThat(job(id).getString("message")).contains("Worker lost on attempt 1 (no heartbeat for 10 s)")
                .contains("no retries left (limit 0)");
        // The executor stops what is left of it (forcibly, as a stopped process ignores SIGTERM).
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void reconciliationReattachesLiveWorkersAndRetiresAttemptsWhoseWorkerIsGone() throws Exception {
        long kept = submit(1);
        long orphaned = submit(1);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> job(kept).getInt("epochsDone") >= 1 && job(orphaned).getInt("epochsDone") >= 1);
        long orphanPid = Long.parseLong(job(orphaned).getString("worker"));
        // As after a restart on another machine: the recorded worker of this attempt cannot be found.
        QuarkusTransaction.requiringNew().run(() -> jobs.findById(orphaned).workerRef = "2147483646");

        assertThat(reconciler.reconcile()).isGreaterThanOrEqualTo(1);

        assertThat(eventMessages(orphaned)).anyMatch(m -> m.contains("the server restarted and found no worker for it")
                && m.contains("queued again for attempt 2"));
        // Its old worker's token is void: it notices at its next heartbeat and stops, so it never runs beside
        // the attempt that replaces it.
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(orphanPid).map(p -> !p.isAlive()).orElse(true));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> job(kept).getString("state").equals("SUCCEEDED")
                        && job(orphaned).getString("state").equals("SUCCEEDED"));
        assertThat(job(kept).getInt("attempt")).isEqualTo(1);
        List<String> keptKinds = as("alice").get("/api/jobs/{id}/events", kept).then().extract().jsonPath().getList("kind");
        assertThat(keptKinds).containsSubsequence("started", "running", "reattached", "succeeded").doesNotContain("lost");
        assertThat(job(orphaned).getInt("attempt")).isEqualTo(2);
    }

    private static long submit(int maxRetries) throws Exception {
        Map<String, Object> request = new HashMap<>(Map.of("kind", "PRETRAIN", "modelName", "fault-cnn",
                "datasetVersionId", datasetId(), "architecture", Map.of("type", "CNN", "height", 28, "width", 28,
                        "channels", 1, "convFilters", List.of(8), "denseWidths", List.of(16)),
                "strategy", Map.of("epochs", EPOCHS, "batchSize", 32), "maxRetries", maxRetries));
        return as("alice").contentType(ContentType.JSON).body(request).post("/api/jobs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static List<String> eventMessages(long id) {
        return as("alice").get("/api/jobs/{id}/events", id).then().statusCode(200).extract().jsonPath().getList("message");
    }

    private static JsonPath job(long id) {
        return as("alice").get("/api/jobs/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
