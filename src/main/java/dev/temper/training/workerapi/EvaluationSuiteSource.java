package dev.temper.training.workerapi;

import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.evaluation.EvaluationSpec;

/**
 * The robustness suite that evaluation jobs run, sent to their workers with the job's spec. The evaluation
 * feature, which sits downstream of training, provides it.
 */
public interface EvaluationSuiteSource {

    /** The suite for an evaluation on this dataset version, its threat model in the version's unit of epsilon. */
    EvaluationSpec settings(DatasetVersion dataset);
}
