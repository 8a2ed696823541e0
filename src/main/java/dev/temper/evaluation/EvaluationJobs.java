package dev.temper.evaluation;

import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.ReadyForJobs;
import dev.temper.registry.ModelFitsDataset;
import dev.temper.registry.ModelRegistered;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.training.JobService;
import dev.temper.training.TrainingJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Decides what is evaluated where: every newly registered version on its training data's test split (and its
 * base beside it, if not measured there yet), and, on request, a version on another dataset version of the same
 * team, e.g. a shifted or corrupted copy for domain shift. The jobs themselves run like any other job.
 */
@ApplicationScoped
@Transactional
public class EvaluationJobs {

    private final JobService jobs;
    private final ModelRegistryService models;
    private final DatasetService datasets;
    private final EvaluationRepository results;

    EvaluationJobs(JobService jobs, ModelRegistryService models, DatasetService datasets,
            EvaluationRepository results) {
        this.jobs = jobs;
        this.models = models;
        this.datasets = datasets;
        this.results = results;
    }

    /** Part of the registering transaction: the evaluations exist if and only if the version does. */
    void onRegistered(@Observes ModelRegistered registered) {
        ModelVersion version = registered.version();
        DatasetVersion dataset = version.datasetVersion;
        String reason = "after job " + version.jobId;
        jobs.queueEvaluation(version, dataset, version.createdBy, reason);
        ModelVersion base = version.baseVersion;
        if (base != null && !results.exists(base, dataset) && !jobs.hasEvaluation(base, dataset)) {
            jobs.queueEvaluation(base, dataset, version.createdBy, reason);
        }
    }

    /**
     * Queues an evaluation of a model version on a dataset version of the same team with the same classes
     * and sample shape.
     */
    public TrainingJob request(CurrentUser user, long modelVersionId, long datasetVersionId) {
        user.requireRole(Roles.ML_ENGINEER, "start evaluations");
        ModelVersion model = models.get(user, modelVersionId);
        DatasetVersion dataset = datasets.get(user, datasetVersionId);
        requireEvaluable(model, dataset, "datasetVersionId");
        if (jobs.hasEvaluation(model, dataset)) {
            throw ProblemException.conflict(model.label() + " is already evaluated (or queued) on " + dataset.label());
        }
        return jobs.queueEvaluation(model, dataset, user.username(), "on request");
    }

    /**
     * Refuses (400, naming {@code field}) a model of another team than the data, data that takes no jobs, or a
     * model that does not predict the data's classes from samples of its shape.
     */
    public static void requireEvaluable(ModelVersion model, DatasetVersion dataset, String field) {
        if (!model.team.equals(dataset.team)) {
            throw ProblemException.badRequest("The model and the dataset belong to different teams");
        }
        ReadyForJobs.check(dataset).orElseThrow(reason -> ProblemException.badRequest(field + ": " + reason));
        ModelFitsDataset.forEvaluation(model, dataset)
                .orElseThrow(reason -> ProblemException.badRequest(field + ": " + reason));
    }
}
