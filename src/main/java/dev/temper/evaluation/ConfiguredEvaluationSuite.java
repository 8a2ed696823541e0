package dev.temper.evaluation;

import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.training.workerapi.EvaluationSuiteSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Evaluation workers run the suite configured under temper.evaluation.*, in the dataset's unit of epsilon. */
@ApplicationScoped
class ConfiguredEvaluationSuite implements EvaluationSuiteSource {

    private final EvaluationConfig config;

    ConfiguredEvaluationSuite(EvaluationConfig config) {
        this.config = config;
    }

    @Override
    public EvaluationSpec settings(DatasetVersion dataset) {
        return config.settings(dataset.epsilonUnit());
    }
}
