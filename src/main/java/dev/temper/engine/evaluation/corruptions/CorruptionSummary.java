package dev.temper.engine.evaluation.corruptions;

import java.util.List;

/**
 * All corruption types: mean corruption accuracy over types and severities, and mCE against the baseline
 * model (null when no baseline was given).
 */
public record CorruptionSummary(ImageShape shape, List<CorruptionResult> types, double meanCorruptionAccuracy,
                                Double meanCorruptionError, String baselineModelSha256, long seed) {

    public CorruptionSummary {
        types = List.copyOf(types);
    }
}
