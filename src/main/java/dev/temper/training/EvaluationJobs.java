package dev.temper.training;

import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Queues evaluation jobs: automatically after training (the new version and its base on the training
 * data), or on request (a version on another dataset version, e.g. a shifted copy for domain shift).
 */
@ApplicationScoped
class EvaluationJobs {

    private final TrainingJobRepository jobs;
    private final JobTransitions transitions;

    EvaluationJobs(TrainingJobRepository jobs, JobTransitions transitions) {
        this.jobs = jobs;
        this.transitions = transitions;
    }

    /** Whether an evaluation of the model on the dataset is queued, running or done. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean exists(ModelVersion model, DatasetVersion dataset) {
        return jobs.count("kind = ?1 and evaluatedVersion = ?2 and datasetVersion = ?3 and state not in ?4",
                JobKind.EVALUATE, model, dataset, List.of(JobState.FAILED, JobState.CANCELLED)) > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    TrainingJob queue(ModelVersion model, DatasetVersion dataset, String actor, String reason) {
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
}
