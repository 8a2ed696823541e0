package dev.temper.training.workerapi;

import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetVersion;
import dev.temper.contract.BatchReceipt;
import dev.temper.contract.EpochReport;
import dev.temper.contract.JobKind;
import dev.temper.contract.LogBatch;
import dev.temper.contract.MetricBatch;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.NewModelVersion;
import dev.temper.storage.ArtifactStore;
import dev.temper.training.JobLogRepository;
import dev.temper.training.JobMeters;
import dev.temper.training.JobMetric;
import dev.temper.training.JobMetricPointRepository;
import dev.temper.training.JobMetricRepository;
import dev.temper.training.JobState;
import dev.temper.training.JobTokens;
import dev.temper.training.JobTransitions;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingJobRepository;
import dev.temper.training.TrainingSettings;
import dev.temper.training.executor.WorkerConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's side of the worker protocol. Every call names a job and carries the token of its current
 * attempt; the job's row is locked while the call changes it. A worker can only touch its own job, and only
 * while its attempt is the current one.
 */
@ApplicationScoped
public class WorkerJobService {

    /** Batches larger than this are refused: a worker sends what it has every few seconds. */
    static final int MAX_BATCH_ITEMS = 10_000;
    /** A failure message is for people; a worker's full stack trace belongs in its log lines. */
    static final int MAX_FAILURE_CHARS = 2_000;

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final JobMetricPointRepository points;
    private final JobLogRepository logs;
    private final JobTransitions transitions;
    private final ModelRegistryService models;
    private final ArtifactStore store;
    private final EvaluationSuiteSource evaluationSuite;
    private final int heartbeatSeconds;
    private final JobMeters meters;

    WorkerJobService(TrainingJobRepository jobs, JobMetricRepository metrics, JobMetricPointRepository points,
            JobLogRepository logs, JobTransitions transitions, ModelRegistryService models, ArtifactStore store,
            EvaluationSuiteSource evaluationSuite, WorkerConfig workerConfig, JobMeters meters) {
        this.jobs = jobs;
        this.meters = meters;
        this.metrics = metrics;
        this.points = points;
        this.logs = logs;
        this.transitions = transitions;
        this.models = models;
        this.store = store;
        this.evaluationSuite = evaluationSuite;
        this.heartbeatSeconds = workerConfig.heartbeatSeconds();
    }

    @Transactional
    public TrainingJob authenticate(long jobId, String token) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        if (job == null || !JobTokens.matches(token, job.tokenHash)) {
            throw new ProblemException(401, "Unauthorized", "Invalid job token");
        }
        if (!job.state.isActive()) {
            throw ProblemException.conflict("Job " + jobId + " is " + job.state + "; it takes no more reports");
        }
        return job;
    }

    @Transactional
    public WorkerJobSpec spec(long jobId, String token) {
        TrainingJob job = authenticate(jobId, token);
        if (job.state == JobState.STARTING) {
            transitions.running(job);
        }
        TrainingSettings settings = job.settings();
        boolean hasModel = job.baseVersion != null || job.evaluatedVersion != null;
        boolean hasBaseline = job.evaluatedVersion != null && job.evaluatedVersion.baseVersion != null;
        return new WorkerJobSpec(job.id, job.kind, settings.strategy(), settings.architecture(),
                job.datasetVersion.classNames().size(), job.datasetVersion.classNames(), hasModel, hasBaseline,
                evaluationSuite.settings(job),
                job.kind == JobKind.EVALUATE ? overlapCheck(job.evaluatedVersion, job.datasetVersion) : null, job.attempt, job.checkpointKey == null ? 0 : job.checkpointEpoch,
                heartbeatSeconds);
    }

    /** The model a worker starts from: the base of a fine-tuning job or the version an evaluation measures. */
    @Transactional
    public String inputModelKey(long jobId, String token) {
        TrainingJob job = authenticate(jobId, token);
        ModelVersion model = job.kind == JobKind.EVALUATE ? job.evaluatedVersion : job.baseVersion;
        if (model == null) {
            throw ProblemException.notFound("Input model of job", jobId);
        }
        return model.artifactKey;
    }

    /** The base of the version an evaluation measures: the reference for relative corruption errors. */
    @Transactional
    public String baselineModelKey(long jobId, String token) {
        TrainingJob job = authenticate(jobId, token);
        if (job.evaluatedVersion == null || job.evaluatedVersion.baseVersion == null) {
            throw ProblemException.notFound("Baseline model of job", jobId);
        }
        return job.evaluatedVersion.baseVersion.artifactKey;
    }

    /**
     * Which check against the model's training data an evaluation of {@code model} on {@code dataset} can make:
     * none when the model came from outside, none needed when it was trained on this very version.
     */
    public static OverlapCheck overlapCheck(ModelVersion model, DatasetVersion dataset) {
        DatasetVersion trainedOn = model.datasetVersion;
        if (trainedOn == null || !DatasetVersion.CANONICAL_FORMAT.equals(trainedOn.fileFormat)) {
            return OverlapCheck.UNKNOWN;
        }
        return trainedOn.id.equals(dataset.id) ? OverlapCheck.SAME_VERSION : OverlapCheck.CHECKED;
    }

    /** The canonical file of the evaluated model's training version, for this evaluation job only. */
    @Transactional
    public String trainingDataKey(long jobId, String token) {
        TrainingJob job = authenticate(jobId, token);
        if (job.kind != JobKind.EVALUATE
                || overlapCheck(job.evaluatedVersion, job.datasetVersion) != OverlapCheck.CHECKED) {
            throw ProblemException.notFound("Training data of the evaluated model of job", jobId);
        }
        return job.evaluatedVersion.datasetVersion.artifactKey;
    }

    @Transactional
    public String datasetKey(long jobId, String token) {
        return authenticate(jobId, token).datasetVersion.artifactKey;
    }

    @Transactional
    public void heartbeat(long jobId, String token) {
        authenticate(jobId, token).heartbeatAt = Instant.now();
    }

    /** Stores the epochs and points not stored yet; a resent batch changes nothing. Counts as a heartbeat. */
    @Transactional
    public BatchReceipt recordMetrics(long jobId, String token, MetricBatch batch) {
        requireSize(batch.epochs().size() + batch.points().size(), "metric batch");
        for (var point : batch.points()) {
            if (point.name() == null || point.name().isBlank() || point.name().length() > 64) {
                throw ProblemException.badRequest("points: every point needs a name of 1 to 64 characters");
            }
        }
        TrainingJob job = authenticate(jobId, token);
        WorkerReportChecks.requirePlausible(batch, job.epochsTotal);
        job.heartbeatAt = Instant.now();
        int accepted = points.add(jobId, job.attempt, batch.points());
        for (EpochReport report : batch.epochs()) {
            if (!metrics.exists(jobId, report.epoch())) {
                metrics.persist(JobMetric.of(jobId, report));
                accepted++;
            }
            job.epochsDone = Math.max(job.epochsDone, report.epoch());
        }
        if (!batch.epochs().isEmpty()) {
            job.message = "Epoch " + job.epochsDone + " of " + job.epochsTotal
                    + (job.attempt > 1 ? " (attempt " + job.attempt + ")" : "");
            transitions.changed(job);
        }
        meters.pointsIngested(accepted);
        return new BatchReceipt(accepted, batch.epochs().size() + batch.points().size() - accepted);
    }

    @Transactional
    public BatchReceipt recordLogs(long jobId, String token, LogBatch batch) {
        requireSize(batch.lines().size(), "log batch");
        TrainingJob job = authenticate(jobId, token);
        job.heartbeatAt = Instant.now();
        int accepted = logs.add(jobId, job.attempt, batch.lines());
        return new BatchReceipt(accepted, batch.lines().size() - accepted);
    }

    /**
     * Keeps the checkpoint of a finished epoch as the one to resume from, if it is newer than the one kept;
     * the one it replaces is deleted.
     */
    public void storeCheckpoint(long jobId, String token, int epoch, Path zip) {
        TrainingJob job = QuarkusTransaction.requiringNew().call(() -> authenticate(jobId, token));
        if (epoch < 1 || epoch > job.epochsTotal) {
            throw ProblemException.badRequest("epoch: 1 to " + job.epochsTotal + ", not " + epoch);
        }
        String key = "checkpoints/" + job.team + "/job-" + jobId + "/" + UUID.randomUUID() + ".zip";
        put(key, zip);
        String replaced = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob current = authenticate(jobId, token);
            if (epoch <= current.checkpointEpoch && current.checkpointKey != null) {
                return key;
            }
            String previous = current.checkpointKey;
            current.checkpointKey = key;
            current.checkpointEpoch = epoch;
            current.heartbeatAt = Instant.now();
            return previous;
        });
        if (replaced != null) {
            store.delete(replaced);
        }
    }

    @Transactional
    public String checkpointKey(long jobId, String token) {
        TrainingJob job = authenticate(jobId, token);
        if (job.checkpointKey == null) {
            throw ProblemException.notFound("Checkpoint of job", jobId);
        }
        return job.checkpointKey;
    }

    /** Registers the trained model and queues its evaluation; the artifact is removed if that fails. */
    public ModelVersion completeTraining(long jobId, String token, Path modelZip, String claimedSha256,
            String manifestBase64) {
        TrainingJob job = QuarkusTransaction.requiringNew().call(() -> authenticate(jobId, token));
        if (job.kind == JobKind.EVALUATE) {
            throw ProblemException.badRequest("An evaluation job produces results, not a model");
        }
        String manifest = ModelUploadCheck.manifest(manifestBase64);
        String sha256 = ModelUploadCheck.contentHash(modelZip, claimedSha256);
        // Unique even if the database is ever reset while the store is kept.
        String key = "models/" + job.team + "/" + UUID.randomUUID() + ".zip";
        put(key, modelZip);
        try {
            return QuarkusTransaction.requiringNew().call(() -> registerResult(jobId, token, key, sha256, manifest));
        } catch (RuntimeException e) {
            store.delete(key);
            throw e;
        }
    }

    /** Ends an authenticated attempt that delivered its result (the caller stored it in this transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeed(TrainingJob job, String message) {
        transitions.finish(job, JobState.SUCCEEDED, message, JobTransitions.WORKER_ACTOR_PREFIX + job.id);
    }

    @Transactional
    public void fail(long jobId, String token, String message) {
        TrainingJob job = authenticate(jobId, token);
        if (message == null || message.isBlank()) {
            throw ProblemException.badRequest("message: a failure report says what failed");
        }
        if (message.length() > MAX_FAILURE_CHARS) {
            message = message.substring(0, MAX_FAILURE_CHARS) + "... (cut at " + MAX_FAILURE_CHARS + " characters)";
        }
        transitions.finish(job, JobState.FAILED, message, JobTransitions.WORKER_ACTOR_PREFIX + job.id);
    }

    private ModelVersion registerResult(long jobId, String token, String key, String sha256, String manifest) {
        TrainingJob job = authenticate(jobId, token);
        ModelVersion version = models.register(new NewModelVersion(job.team, job.modelName, job.createdBy, sha256, key,
                manifest, job.baseVersion, job.datasetVersion, job.id, job.settingsJson));
        job.resultVersion = version;
        transitions.finish(job, JobState.SUCCEEDED, "Registered " + version.label() + summary(job),
                JobTransitions.WORKER_ACTOR_PREFIX + job.id);
        return version;
    }

    /** ": 12 epochs, validation accuracy 0.913, 2 attempts" for the job's closing message. */
    private String summary(TrainingJob job) {
        StringBuilder summary = new StringBuilder(": ").append(job.epochsDone).append(" epochs");
        metrics.forJob(job.id).stream().reduce((first, second) -> second).ifPresent(last ->
                summary.append(String.format(Locale.ROOT, ", validation accuracy %.3f",
                        last.validationAccuracy)));
        if (job.attempt > 1) {
            summary.append(", ").append(job.attempt).append(" attempts");
        }
        return summary.toString();
    }

    private void put(String key, Path file) {
        try {
            store.put(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        }
    }

    private static void requireSize(int items, String what) {
        if (items > MAX_BATCH_ITEMS) {
            throw ProblemException.badRequest("A " + what + " holds at most " + MAX_BATCH_ITEMS + " items, not "
                    + items + "; send it in parts");
        }
    }
}
