package dev.temper.training.workerapi;

import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.training.TrainingJob;

/**
 * The robustness suite that evaluation jobs run, sent to their workers with the job's spec. The evaluation
 * feature, which sits downstream of training, provides it.
 */
public interface EvaluationSuiteSource {

    /**
     * The suite for this evaluation job on its dataset version, its threat model in the version's unit of epsilon
     * (a job asked for on a benchmark runs the benchmark's threat model and suite).
     */
    EvaluationSpec settings(TrainingJob job);
}
