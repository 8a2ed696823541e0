package dev.temper.registry;

import dev.temper.base.PolicyDecision;
import dev.temper.dataset.DatasetVersion;

/**
 * Whether a model version can be used on a dataset version: its input layer must take samples of the dataset's
 * size, and, for measuring it there, its head must predict the dataset's classes (in the same order).
 */
public final class ModelFitsDataset {

    private ModelFitsDataset() {
    }

    /** Same inputs: enough to fine-tune the model there (a fine-tuning job may give it a new head). */
    public static PolicyDecision inputs(ModelVersion model, DatasetVersion dataset) {
        int modelInputs = model.datasetVersion.valueCount();
        if (modelInputs != dataset.valueCount()) {
            return PolicyDecision.reject(model.label() + " takes " + modelInputs + " values per sample, "
                    + dataset.label() + " has " + dataset.valueCount());
        }
        return PolicyDecision.allow();
    }

    /** Same inputs and the same classes: the model's predictions can be scored against the dataset's labels. */
    public static PolicyDecision forEvaluation(ModelVersion model, DatasetVersion dataset) {
        if (!model.datasetVersion.classNames().equals(dataset.classNames())) {
            return PolicyDecision.reject(dataset.label() + " has the classes " + dataset.classNames() + ", "
                    + model.label() + " predicts " + model.datasetVersion.classNames());
        }
        return inputs(model, dataset);
    }
}
