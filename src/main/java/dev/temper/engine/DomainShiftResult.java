package dev.temper.engine;

import dev.temper.engine.metrics.ClassificationMetrics;

/** Metrics on a distribution-shifted test set and the accuracy lost relative to the in-distribution test set. */
public record DomainShiftResult(int examples, ClassificationMetrics metrics, double accuracyDrop) {
}
