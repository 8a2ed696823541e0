package dev.temper.training;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditRefusals;
import dev.temper.base.Json;
import dev.temper.base.PlainText;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.contract.MetricPoint;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.ReadyForJobs;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.registry.ModelFitsDataset;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Submitting and reading jobs, scoped to the user's teams. */
@ApplicationScoped
@Transactional
public class JobService {

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final DatasetService datasets;
    private final ModelRegistryService models;
    private final JobTransitions transitions;
    private final JobEventRepository events;
    private final JobMetricPointRepository points;
    private final JobLogRepository logs;

    JobService(TrainingJobRepository jobs, JobMetricRepository metrics, DatasetService datasets,
            ModelRegistryService models, JobTransitions transitions, JobEventRepository events, JobMetricPointRepository points,
            JobLogRepository logs) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.datasets = datasets;
        this.models = models;
        this.transitions = transitions;
        this.events = events;
        this.points = points;
        this.logs = logs;
    }

    /**
     * Queues an EVALUATE job of the model on the dataset. The evaluation feature decides what is measured
     * where and when; this only makes the job, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TrainingJob queueEvaluation(ModelVersion model, DatasetVersion dataset, String actor, String reason) {
        TrainingJob evaluation = new TrainingJob();
        evaluation.team = model.team;
        evaluation.kind = JobKind.EVALUATE;
        evaluation.state = JobState.QUEUED;
        evaluation.modelName = model.name;
        evaluation.datasetVersion = dataset;
        evaluation.evaluatedVersion = model;
        evaluation.settingsJson = model.settingsJson;
        evaluation.epochsTotal = 1;
        evaluation.createdBy = actor;
        evaluation.createdAt = Instant.now();
        jobs.persist(evaluation);
        transitions.submitted(evaluation, actor, "EVALUATE " + model.label() + " on " + dataset.label() + " " + reason);
        return evaluation;
    }

    /** Whether an evaluation of the model on the dataset is queued, running or done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasEvaluation(ModelVersion model, DatasetVersion dataset) {
        return jobs.count("kind = ?1 and evaluatedVersion = ?2 and datasetVersion = ?3 and state not in ?4",
                JobKind.EVALUATE, model, dataset, List.of(JobState.FAILED, JobState.CANCELLED)) > 0;
    }

    @AuditRefusals(AuditAction.JOB_SUBMIT)
    public TrainingJob submit(CurrentUser user, JobSubmission request) {
        user.requireRole(Roles.ML_ENGINEER, "start training jobs");
        requireBasics(request);
        DatasetVersion dataset = datasets.get(user, request.datasetVersionId());
        String team = request.team() == null ? dataset.team : user.teamFor(request.team());
        if (!dataset.team.equals(team)) {
            throw ProblemException.badRequest("Dataset version " + dataset.id + " belongs to another team");
        }
        requireTrainable(dataset);
        ModelVersion base = baseFor(user, request, dataset);
        ArchitectureSpec architecture = architectureFor(request, base, dataset);
        TrainingStrategy strategy = request.strategy();
        JobSpecChecks.requireFits(strategy, architecture);
        TrainingJob job = new TrainingJob();
        job.team = team;
        job.kind = request.kind();
        job.state = JobState.QUEUED;
        job.modelName = request.modelName().strip();
        job.datasetVersion = dataset;
        job.baseVersion = base;
        job.settingsJson = Json.write(new TrainingSettings(strategy, architecture));
        job.epochsTotal = strategy.epochs();
        job.schedule(request.scheduling() == null ? JobScheduling.DEFAULT : request.scheduling());
        job.createdBy = user.username();
        job.createdAt = Instant.now();
        jobs.persist(job);
        transitions.submitted(job, user.username(), job.kind + " " + job.modelName + " on " + dataset.label()
                + (base == null ? "" : " from " + base.label()) + " " + job.settingsJson);
        return job;
    }

    /**
     * Cancels a queued or running job. Its token is voided at once, so a worker that is still running can
     * report nothing more; stopping that worker is {@link JobControl}'s, after this commits.
     */
    @AuditRefusals(AuditAction.JOB_CANCELLED)
    public TrainingJob cancel(CurrentUser user, long id) {
        user.requireRole(Roles.ML_ENGINEER, "cancel jobs");
        TrainingJob job = jobs.lock(get(user, id));
        if (job.state.isTerminal()) {
            throw ProblemException.conflict("Job " + id + " has already ended (" + job.state + "); nothing to cancel");
        }
        String message = "Cancelled by " + user.username() + (job.state == JobState.QUEUED ? " before it started" : "");
        transitions.finish(job, JobState.CANCELLED, message, user.username());
        return job;
    }

    /** Queues a failed or cancelled job again, from the start: its earlier epochs are dropped. */
    @AuditRefusals(AuditAction.JOB_RETRY)
    public TrainingJob retry(CurrentUser user, long id) {
        user.requireRole(Roles.ML_ENGINEER, "retry jobs");
        TrainingJob job = jobs.lock(get(user, id));
        if (!job.state.isRetryable()) {
            throw ProblemException.conflict("Job " + id + " is " + job.state
                    + "; only a failed or cancelled job can be retried");
        }
        requireTrainable(job.datasetVersion);
        transitions.retried(job, user.username());
        return job;
    }

    /** One page of the jobs of the user's teams that meet the filter, sorted by {@code sort} (created, state). */
    // A transaction of its own, not SUPPORTS: lazy grids fetch their pages while a push is written, outside
    // any request, where only a transaction gives Hibernate a session.
    @Transactional
    public Page<TrainingJob> page(CurrentUser user, JobFilter filter, PageRequest request, String sort) {
        return jobs.page(user.teams(), filter, request, sort);
    }

    /** How many jobs of the user's teams meet the filter, for a pager or a scrollbar (a transaction: see page). */
    @Transactional
    public long count(CurrentUser user, JobFilter filter) {
        return jobs.count(user.teams(), filter);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingJob get(CurrentUser user, long id) {
        return jobs.getForTeams(id, user.teams(), "Job");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobMetric> metrics(CurrentUser user, long jobId) {
        get(user, jobId);
        return metrics.forJob(jobId);
    }

    /** One named step-level series (train loss, accuracy, learning rate per step), thinned to maxPoints. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MetricPoint> series(CurrentUser user, long jobId, String name, int maxPoints) {
        get(user, jobId);
        return points.series(jobId, name, maxPoints);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobLogEntry> logTail(CurrentUser user, long jobId, int lines) {
        get(user, jobId);
        return logs.tail(jobId, lines);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobEvent> timeline(CurrentUser user, long jobId) {
        get(user, jobId);
        return events.forJob(jobId);
    }

    private ModelVersion baseFor(CurrentUser user, JobSubmission request, DatasetVersion dataset) {
        if (request.kind() == JobKind.EVALUATE) {
            throw ProblemException.badRequest("kind: evaluation jobs are queued by Temper itself after training");
        }
        if (request.kind() == JobKind.PRETRAIN) {
            if (request.baseModelVersionId() != null) {
                throw ProblemException.badRequest("baseModelVersionId: pre-training starts from scratch; "
                        + "use kind FINETUNE to start from a model version");
            }
            return null;
        }
        if (request.baseModelVersionId() == null) {
            throw ProblemException.badRequest("baseModelVersionId: fine-tuning needs a base model version");
        }
        ModelVersion base = models.get(user, request.baseModelVersionId());
        if (!base.team.equals(dataset.team)) {
            throw ProblemException.badRequest("The base model and the dataset belong to different teams");
        }
        ModelFitsDataset.inputs(base, dataset).orElseThrow(reason -> ProblemException.badRequest(
                "baseModelVersionId: " + reason));
        return base;
    }

    private static void requireTrainable(DatasetVersion dataset) {
        ReadyForJobs.check(dataset).orElseThrow(reason -> ProblemException.badRequest("datasetVersionId: " + reason));
    }

    private static void requireBasics(JobSubmission request) {
        if (request.kind() == null) {
            throw ProblemException.badRequest("kind: PRETRAIN or FINETUNE");
        }
        if (request.modelName() == null || request.modelName().isBlank()) {
            throw ProblemException.badRequest("modelName: give the model a name");
        }
        PlainText.requireName(request.modelName(), "modelName");
        if (request.modelName().strip().length() > JobSubmission.MODEL_NAME_MAX_LENGTH) {
            throw ProblemException.badRequest("modelName: at most " + JobSubmission.MODEL_NAME_MAX_LENGTH
                    + " characters");
        }
        if (request.datasetVersionId() == null) {
            throw ProblemException.badRequest("datasetVersionId: say which dataset version to train on");
        }
        if (request.strategy() == null) {
            throw ProblemException.badRequest("strategy: missing");
        }
    }

    private static ArchitectureSpec architectureFor(JobSubmission request, ModelVersion base, DatasetVersion dataset) {
        if (base != null) {
            if (request.architecture() != null) {
                throw ProblemException.badRequest("architecture: a fine-tuned model keeps its base's architecture");
            }
            return Json.read(base.settingsJson, TrainingSettings.class).architecture();
        }
        ArchitectureSpec architecture = request.architecture() == null
                ? TrainingSettings.DEFAULT_ARCHITECTURE : request.architecture();
        int features = dataset.valueCount();
        if (architecture.imageSize() > 0 && architecture.imageSize() != features) {
            throw ProblemException.badRequest("architecture: a " + architecture.height() + "x" + architecture.width()
                    + "x" + architecture.channels() + " image has " + architecture.imageSize()
                    + " values, dataset " + dataset.label() + " has " + features + " features per row");
        }
        return architecture;
    }
}
