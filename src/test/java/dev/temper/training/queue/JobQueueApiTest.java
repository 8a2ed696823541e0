package dev.temper.training.queue;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.temper.engine.strategy.Limits;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue enforces team quotas on real worker processes: a team at its GPU quota waits, then starts. */
@QuarkusTest
class JobQueueApiTest {

    private static final String WAITING_FOR_GPU = "waiting: team-a uses 1 of 1 GPUs";

    private final List<Long> submitted = new ArrayList<>();

    /** The database outlives this class: team-a goes back to the defaults and leaves nothing running. */
    @AfterEach
    void cleanUp() {
        for (long id : submitted) {
            as("alice").post("/api/jobs/{id}/cancel", id);
        }
        as("erin").delete("/api/quotas/{team}", "team-a").then().statusCode(200);
    }

    @Test
    void aTeamAtItsGpuQuotaQueuesAndStartsWhenCapacityFrees() {
        as("erin").contentType(ContentType.JSON).body(Map.of("maxGpus", 1, "maxConcurrentJobs", 10))
                .put("/api/quotas/{team}", "team-a").then().statusCode(200);
        long datasetId = as("alice").multiPart("name", "quota-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "q.csv", CsvFixtures.blobs(90, 93).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");

        // Far more epochs than the test waits for: the first job holds team-a's only GPU until cancelled.
        long first = submit(datasetId, "quota-first", 1, Limits.MAX_EPOCHS);
        long second = submit(datasetId, "quota-second", 1, 2);
        long tooBig = submit(datasetId, "quota-too-big", 2, 2);

        await().atMost(Jobs.TIMEOUT).until(() -> job(first).getInt("epochsDone") >= 1);
        await().atMost(Duration.ofMinutes(1)).until(() -> WAITING_FOR_GPU.equals(job(second).getString("message")));
        assertThat(job(first).getString("state")).isEqualTo("RUNNING");
        assertThat(job(second).getString("state")).isEqualTo("QUEUED");
        await().atMost(Duration.ofMinutes(1)).until(() -> "waiting: needs 2 GPUs, more than team-a's quota of 1"
                .equals(job(tooBig).getString("message")));
        assertThat(as("alice").get("/api/jobs/{id}/events", second).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'waiting' }.message", String.class)).contains(WAITING_FOR_GPU);

        JsonPath quota = as("alice").get("/api/quotas").then().statusCode(200).extract().jsonPath();
        assertThat(quota.getInt("[0].maxGpus")).isEqualTo(1);
        assertThat(quota.getInt("[0].gpusInUse")).isEqualTo(1);
        assertThat(quota.getInt("[0].jobsRunning")).isGreaterThanOrEqualTo(1);
        assertThat(quota.getInt("[0].jobsQueued")).isGreaterThanOrEqualTo(2);

        as("alice").post("/api/jobs/{id}/cancel", first).then().statusCode(200);
        JsonPath done = Jobs.awaitFinished("alice", second);
        assertThat(done.getString("state")).as(done.getString("message")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("attempt")).isEqualTo(1);
        assertThat(job(tooBig).getString("state")).isEqualTo("QUEUED");
    }

    private long submit(long datasetId, String modelName, int gpus, int epochs) {
        long id = as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", modelName,
                        "datasetVersionId", datasetId, "resources", Map.of("gpus", gpus),
                        "strategy", Jobs.strategy(epochs, 0.01, 0, false, 0.0)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        submitted.add(id);
        return id;
    }

    private static JsonPath job(long id) {
        return as("alice").get("/api/jobs/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
