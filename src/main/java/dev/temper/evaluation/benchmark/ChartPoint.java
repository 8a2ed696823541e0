package dev.temper.evaluation.benchmark;

/** One model on a benchmark's clean-vs-robust chart; robust is the worst case at the largest epsilon. */
public record ChartPoint(long modelVersionId, String modelVersion, double clean, Double robust, boolean reliable,
        boolean stale) {
}
