package dev.temper.training;

import dev.temper.audit.AuditLog;
import dev.temper.base.ProblemException;
import dev.temper.contract.EpochReport;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.JobKind;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.evaluation.EvaluationConfig;
import dev.temper.evaluation.EvaluationService;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.NewModelVersion;
import dev.temper.storage.ArtifactStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The server's side of the worker protocol: attempts, progress, results. Every call is made with a
 * job already authenticated by its token; a worker can only touch its own job.
 */
@ApplicationScoped
public class WorkerJobService {

    static final String WORKER_ACTOR_PREFIX = "worker:job-";

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final ModelRegistryService models;
    private final EvaluationService evaluations;
    private final ArtifactStore store;
    private final AuditLog audit;
    private final Event<JobUpdated> updates;
    private final EvaluationConfig evaluationConfig;
    private final EvaluationJobs evaluationJobs;

    WorkerJobService(TrainingJobRepository jobs, JobMetricRepository metrics, ModelRegistryService models,
            EvaluationService evaluations, ArtifactStore store, AuditLog audit, Event<JobUpdated> updates,
            EvaluationConfig evaluationConfig, EvaluationJobs evaluationJobs) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.models = models;
        this.evaluations = evaluations;
        this.store = store;
        this.audit = audit;
        this.updates = updates;
        this.evaluationConfig = evaluationConfig;
        this.evaluationJobs = evaluationJobs;
    }

    /** Moves a queued job to STARTING with a fresh token for this attempt; returns the token. */
    @Transactional
    public String startAttempt(long jobId) {
        TrainingJob job = jobs.lock(jobId).orElseThrow();
        String token = JobTokens.newToken();
        job.state = JobState.STARTING;
        job.attempt++;
        job.tokenHash = JobTokens.hash(token);
        job.startedAt = Instant.now();
        job.message = "Starting worker (attempt " + job.attempt + ")";
        audit.record(job.createdBy, job.team, "job.start", "TrainingJob", job.id, "attempt " + job.attempt);
        updates.fire(new JobUpdated(job.id, job.team));
        return token;
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
            job.state = JobState.RUNNING;
            job.message = "Running";
            updates.fire(new JobUpdated(job.id, job.team));
        }
        TrainingSettings settings = job.settings();
        boolean hasModel = job.baseVersion != null || job.evaluatedVersion != null;
        boolean hasBaseline = job.evaluatedVersion != null && job.evaluatedVersion.baseVersion != null;
        return new WorkerJobSpec(job.id, job.kind, settings.strategy(), settings.architecture(),
                job.datasetVersion.classNames().size(), job.datasetVersion.classNames(), hasModel, hasBaseline,
                evaluationConfig.settings());
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

    @Transactional
    public String datasetKey(long jobId, String token) {
        return authenticate(jobId, token).datasetVersion.artifactKey;
    }

    /** Stores an epoch's metrics once; a retried report of the same epoch changes nothing. */
    @Transactional
    public void recordEpoch(long jobId, String token, EpochReport report) {
        TrainingJob job = authenticate(jobId, token);
        job.heartbeatAt = Instant.now();
        if (metrics.exists(jobId, report.epoch())) {
            return;
        }
        JobMetric metric = new JobMetric();
        metric.jobId = jobId;
        metric.epoch = report.epoch();
        metric.trainLoss = report.trainLoss();
        metric.trainAccuracy = report.trainAccuracy();
        metric.validationLoss = report.validationLoss();
        metric.validationAccuracy = report.validationAccuracy();
        metric.recordedAt = Instant.now();
        metrics.persist(metric);
        job.epochsDone = Math.max(job.epochsDone, report.epoch());
        job.message = "Epoch " + report.epoch() + " of " + report.totalEpochs();
        updates.fire(new JobUpdated(job.id, job.team));
    }

    /** Registers the trained model and queues its evaluation; the artifact is removed if that fails. */
    public ModelVersion completeTraining(long jobId, String token, Path modelZip, String sha256, String manifest) {
        TrainingJob job = QuarkusTransaction.requiringNew().call(() -> authenticate(jobId, token));
        // Unique even if the database is ever reset while the store is kept.
        String key = "models/" + job.team + "/" + UUID.randomUUID() + ".zip";
        try {
            store.put(key, modelZip);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the model of job " + jobId, e);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> registerResult(jobId, token, key, sha256, manifest));
        } catch (RuntimeException e) {
            store.delete(key);
            throw e;
        }
    }

    @Transactional
    public void completeEvaluation(long jobId, String token, EvaluationSubmission report) {
        TrainingJob job = authenticate(jobId, token);
        evaluations.record(job.createdBy, job.evaluatedVersion, job.datasetVersion, jobId, report);
        finish(job, JobState.SUCCEEDED, "Evaluated " + report.examples() + " test examples");
    }

    @Transactional
    public void fail(long jobId, String token, String message) {
        finish(authenticate(jobId, token), JobState.FAILED, message);
    }

    /**
     * Fails the active jobs that have run longer than their maximum run time and returns their ids, for the
     * executor to stop their workers.
     */
    @Transactional
    public List<Long> failOverdue(Instant now) {
        List<Long> overdue = new ArrayList<>();
        for (TrainingJob candidate : jobs.active()) {
            TrainingJob job = jobs.lock(candidate);
            if (job.state.isActive() && job.startedAt != null && job.startedAt.plus(Duration.ofMinutes(job.maxRuntimeMinutes)).isBefore(now)) {
                finish(job, JobState.FAILED, "Stopped: it ran longer than its maximum of " + job.maxRuntimeMinutes
                        + " minutes");
                overdue.add(job.id);
            }
        }
        return overdue;
    }

    /** Called when a local worker process ends; a job it left unfinished has failed. */
    @Transactional
    public void workerExited(long jobId, String message) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        if (job != null && !job.state.isTerminal()) {
            finish(job, JobState.FAILED, message);
        }
    }

    private ModelVersion registerResult(long jobId, String token, String key, String sha256, String manifest) {
        TrainingJob job = authenticate(jobId, token);
        if (job.kind == JobKind.EVALUATE) {
            throw ProblemException.badRequest("An evaluation job produces results, not a model");
        }
        ModelVersion version = models.register(new NewModelVersion(job.team, job.modelName, job.createdBy, sha256, key,
                manifest, job.baseVersion, job.datasetVersion, job.id, job.settingsJson));
        job.resultVersion = version;
        finish(job, JobState.SUCCEEDED, "Registered " + version.label());
        String reason = "after job " + job.id;
        evaluationJobs.queue(version, job.datasetVersion, job.createdBy, reason);
        if (job.baseVersion != null && !evaluations.isEvaluated(job.baseVersion, job.datasetVersion)
                && !evaluationJobs.exists(job.baseVersion, job.datasetVersion)) {
            evaluationJobs.queue(job.baseVersion, job.datasetVersion, job.createdBy, reason);
        }
        return version;
    }

    private void finish(TrainingJob job, JobState state, String message) {
        job.state = state;
        job.message = message;
        job.finishedAt = Instant.now();
        job.tokenHash = null;
        audit.record(WORKER_ACTOR_PREFIX + job.id, job.team, "job." + state.name().toLowerCase(), "TrainingJob", job.id,
                message);
        updates.fire(new JobUpdated(job.id, job.team));
    }
}
