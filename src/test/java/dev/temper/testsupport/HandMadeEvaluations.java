package dev.temper.testsupport;

import static dev.temper.testsupport.Api.as;

import dev.temper.base.Json;
import dev.temper.base.Sha256;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.training.JobState;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingJobRepository;
import dev.temper.training.TrainingSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Team-a's model versions and evaluation jobs made by hand: a model "trained" on a chosen dataset version (no
 * TensorFlow, no ModelRegistered event, so nothing queues behind the test's back) and a RUNNING evaluation job with
 * a token the test holds, so the test speaks the worker's side of the protocol itself.
 */
public final class HandMadeEvaluations {

    public record Attempt(long jobId, String token) {
    }

    private final TrainingJobRepository jobs;
    private final ModelVersionRepository models;
    private final DatasetVersionRepository datasets;
    private final List<Long> made = new ArrayList<>();

    public HandMadeEvaluations(TrainingJobRepository jobs, ModelVersionRepository models,
            DatasetVersionRepository datasets) {
        this.jobs = jobs;
        this.models = models;
        this.datasets = datasets;
    }

    /** A model version of team-a whose training version is {@code trainedOnDatasetId}. */
    public long model(long trainedOnDatasetId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob training = job(JobKind.PRETRAIN, trainedOnDatasetId, JobState.SUCCEEDED, null);
            ModelVersion model = new ModelVersion();
            model.team = "team-a";
            model.name = "hand-made-" + UUID.randomUUID().toString().substring(0, 8);
            model.version = 1;
            model.sha256 = "ab".repeat(32);
            model.artifactKey = "models/team-a/" + model.name + ".zip";
            model.manifestJson = "{}";
            model.datasetVersion = training.datasetVersion;
            model.jobId = training.id;
            model.settingsJson = training.settingsJson;
            model.createdBy = "alice";
            model.createdAt = Instant.now();
            models.persist(model);
            return model.id;
        });
    }

    /** A RUNNING evaluation job of the model on the dataset version, with its token. */
    public Attempt evaluation(long modelId, long datasetId) {
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = job(JobKind.EVALUATE, datasetId, JobState.RUNNING, token);
            job.evaluatedVersion = models.findById(modelId);
            return job.id;
        });
        made.add(id);
        return new Attempt(id, token);
    }

    private TrainingJob job(JobKind kind, long datasetId, JobState state, String token) {
        TrainingJob job = new TrainingJob();
        job.team = "team-a";
        job.kind = kind;
        job.state = state;
        job.modelName = "hand-made";
        job.datasetVersion = datasets.findById(datasetId);
        job.settingsJson = Json.write(new TrainingSettings(TrainingStrategy.of(1, 16, 0.01, 1),
                ArchitectureSpec.mlp(List.of(8))));
        job.epochsTotal = 1;
        job.attempt = 1;
        job.tokenHash = token == null ? null : Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
        job.maxRuntimeMinutes = 24 * 60;
        job.createdBy = "alice";
        job.createdAt = Instant.now();
        job.startedAt = Instant.now();
        job.heartbeatAt = Instant.now();
        jobs.persist(job);
        return job;
    }

    /** Cancels the evaluation jobs still running: they would hold team-a's slots for other tests. */
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
