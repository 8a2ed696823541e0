package dev.temper.evaluation.benchmark;

import java.time.Instant;
import java.util.List;

/**
 * One row of a benchmark's leaderboard, lean: what the table shows and nothing more (the full evidence is the
 * evaluation's own page).
 *
 * @param rank             position in the ranking (reliable first, current before stale, then robust and clean
 *                         accuracy) among the rows the filters keep; null when sorted by another column
 * @param robust           worst case over all attacks at each of the benchmark's epsilons, with its 95% interval
 * @param reliabilityFlags the reliability checks that fired; empty exactly when {@code reliable}
 * @param stale            measured with a suite other than the benchmark's, so not comparable with the rows that
 *                         were
 */
public record BenchmarkRow(Integer rank, long evaluationId, long modelVersionId, String modelVersion, String base,
        Estimate clean, List<RobustAt> robust, String suite, int examples, Double expectedCalibrationError,
        Double corruptionAccuracy, Double meanCorruptionError, boolean reliable, List<String> reliabilityFlags,
        boolean stale, Instant date) {

    /** An accuracy with its 95% Wilson interval (null bounds on rows recorded before intervals were kept). */
    public record Estimate(double value, Double lower, Double upper) {
    }

    public record RobustAt(double epsilon, Estimate accuracy) {
    }
}
