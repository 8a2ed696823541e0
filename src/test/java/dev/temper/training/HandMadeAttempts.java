package dev.temper.training;

import static dev.temper.testsupport.Api.as;

import dev.temper.base.Json;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.strategy.TrainingStrategy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Attempts made by hand: alice's jobs already STARTING or RUNNING with a token the test holds, so the test
 * speaks the worker protocol itself and no real worker competes with it.
 */
public final class HandMadeAttempts {

    public record Attempt(long jobId, String token) {
    }

    private final TrainingJobRepository jobs;
    private final DatasetVersionRepository datasets;
    private final List<Long> made = new ArrayList<>();

    public HandMadeAttempts(TrainingJobRepository jobs, DatasetVersionRepository datasets) {
        this.jobs = jobs;
        this.datasets = datasets;
    }

    /** A 3-epoch MLP job of team-a on the dataset version, in the given active state. */
    public Attempt start(long datasetId, JobState state) {
        String token = JobTokens.newToken();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = new TrainingJob();
            job.team = "team-a";
            job.kind = JobKind.PRETRAIN;
            job.state = state;
            job.modelName = "hand-made";
            job.datasetVersion = datasets.findById(datasetId);
            job.settingsJson = Json.write(new TrainingSettings(TrainingStrategy.of(3, 16, 0.01, 1),
                    ArchitectureSpec.mlp(List.of(8))));
            job.epochsTotal = 3;
            job.attempt = 1;
            job.tokenHash = JobTokens.hash(token);
            job.maxRuntimeMinutes = 24 * 60;
            job.createdBy = "alice";
            job.createdAt = Instant.now();
            job.startedAt = Instant.now();
            job.heartbeatAt = Instant.now();
            jobs.persist(job);
            return job.id;
        });
        made.add(id);
        return new Attempt(id, token);
    }

    /** Cancels those still active: they would hold team-a's and the executor's slots for other tests. */
    public void endAll() {
        for (long id : made) {
            if (!as("alice").get("/api/jobs/{id}", id).then().extract().jsonPath().getString("state").matches(
                    "SUCCEEDED|FAILED|CANCELLED")) {
                as("alice").post("/api/jobs/{id}/cancel", id).then().statusCode(200);
            }
        }
        made.clear();
    }
}
