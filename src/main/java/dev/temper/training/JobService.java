package dev.temper.training;

import dev.temper.audit.AuditLog;
import dev.temper.base.Json;
import dev.temper.base.ProblemException;
import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Submitting and reading jobs, scoped to the user's teams. */
@ApplicationScoped
@Transactional
public class JobService {

    static final int MAX_LAYER_WIDTH = 4096;

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final DatasetService datasets;
    private final ModelRegistryService models;
    private final AuditLog audit;
    private final Event<JobUpdated> updates;

    JobService(TrainingJobRepository jobs, JobMetricRepository metrics, DatasetService datasets,
            ModelRegistryService models, AuditLog audit, Event<JobUpdated> updates) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.datasets = datasets;
        this.models = models;
        this.audit = audit;
        this.updates = updates;
    }

    public TrainingJob submit(CurrentUser user, JobSubmission request) {
        user.requireRole(Roles.ML_ENGINEER, "start training jobs");
        DatasetVersion dataset = datasets.get(user, request.datasetVersionId());
        String team = request.team() == null ? dataset.team : user.teamFor(request.team());
        if (!dataset.team.equals(team)) {
            throw ProblemException.badRequest("Dataset version " + dataset.id + " belongs to another team");
        }
        ModelVersion base = baseFor(user, request, dataset);
        List<Integer> widths = widthsFor(request, base);
        if (request.strategy().frozenLayers() > widths.size()) {
            throw ProblemException.badRequest("strategy.frozenLayers: " + request.strategy().frozenLayers()
                    + " is more than the model's " + widths.size() + " hidden layers");
        }
        TrainingJob job = new TrainingJob();
        job.team = team;
        job.kind = request.kind();
        job.state = JobState.QUEUED;
        job.modelName = request.modelName().strip();
        job.datasetVersion = dataset;
        job.baseVersion = base;
        job.settingsJson = Json.write(new TrainingSettings(request.strategy(), widths));
        job.epochsTotal = request.strategy().epochs();
        job.createdBy = user.username();
        job.createdAt = Instant.now();
        jobs.persist(job);
        audit.record(user.username(), team, "job.submit", "TrainingJob", job.id, job.kind + " " + job.modelName
                + " on " + dataset.label() + (base == null ? "" : " from " + base.label()) + " " + job.settingsJson);
        updates.fire(new JobUpdated(job.id, team));
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingJob> list(CurrentUser user) {
        return jobs.listForTeams(user.teams());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingJob get(CurrentUser user, long id) {
        return jobs.findForTeams(id, user.teams()).orElseThrow(() -> ProblemException.notFound("Job", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobMetric> metrics(CurrentUser user, long jobId) {
        get(user, jobId);
        return metrics.forJob(jobId);
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
        int baseInputs = base.datasetVersion.featureNames().size();
        if (baseInputs != dataset.featureNames().size()) {
            throw ProblemException.badRequest("The base model takes " + baseInputs + " features, dataset "
                    + dataset.label() + " has " + dataset.featureNames().size());
        }
        return base;
    }

    private static List<Integer> widthsFor(JobSubmission request, ModelVersion base) {
        if (base != null) {
            if (request.hiddenWidths() != null && !request.hiddenWidths().isEmpty()) {
                throw ProblemException.badRequest("hiddenWidths: a fine-tuned model keeps its base's architecture");
            }
            return Json.read(base.strategy, TrainingSettings.class).hiddenWidths();
        }
        List<Integer> widths = request.hiddenWidths() == null || request.hiddenWidths().isEmpty()
                ? TrainingSettings.DEFAULT_HIDDEN_WIDTHS
                : request.hiddenWidths();
        if (widths.stream().anyMatch(w -> w == null || w < 1 || w > MAX_LAYER_WIDTH)) {
            throw ProblemException.badRequest("hiddenWidths: every width must be between 1 and " + MAX_LAYER_WIDTH);
        }
        return List.copyOf(widths);
    }
}
