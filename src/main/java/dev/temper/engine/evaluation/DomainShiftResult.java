package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.metrics.ClassificationMetrics;


/** Metrics on a distribution-shifted test set and the accuracy lost relative to the in-distribution test set. */
public record DomainShiftResult(int examples, ClassificationMetrics metrics, double accuracyDrop) {
}
