package dev.temper.contract;

public enum JobKind {
    /** Train a base model from scratch. */
    PRETRAIN,
    /** Adapt a base model version to a dataset version. */
    FINETUNE,
    /** Measure a model version's clean and robust accuracy on a dataset version's test split. */
    EVALUATE
}
