package dev.temper.engine.evaluation.corruptions;

import dev.temper.engine.evaluation.metrics.Accuracy;
import java.util.List;

/**
 * Accuracy of one corruption type at severities 1..5, their mean, and (when a baseline was given) the
 * corruption error relative to the baseline.
 */
public record CorruptionResult(CorruptionType type, List<Accuracy> bySeverity, double meanAccuracy,
                               Double relativeError) {

    public CorruptionResult {
        bySeverity = List.copyOf(bySeverity);
    }

    List<Double> errors() {
        return bySeverity.stream().map(accuracy -> 1 - accuracy.value()).toList();
    }
}
