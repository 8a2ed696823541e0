package dev.temper.engine.strategy;

/**
 * Stops when a validation metric has not improved for some epochs; the best epoch's weights are exported.
 *
 * @param enabled whether to stop early (and export the best epoch) at all
 * @param metric VALIDATION_LOSS (lower is better) or VALIDATION_ACCURACY (higher is better)
 * @param patience epochs without improvement before stopping (>= 1)
 * @param minDelta smallest change that counts as an improvement (>= 0)
 */
public record EarlyStoppingSpec(boolean enabled, Metric metric, int patience, double minDelta) {

    /** The validation metric watched. */
    public enum Metric { VALIDATION_LOSS, VALIDATION_ACCURACY }

    public EarlyStoppingSpec {
        SpecChecks.notNull(metric, "metric");
        SpecChecks.between(patience, 1, Limits.MAX_PATIENCE, "patience");
        SpecChecks.nonNegative(minDelta, "minDelta");
        SpecChecks.atMost(minDelta, 1, "minDelta");
    }

    public static EarlyStoppingSpec off() {
        return new EarlyStoppingSpec(false, Metric.VALIDATION_LOSS, 1, 0);
    }

    public static EarlyStoppingSpec on(Metric metric, int patience) {
        return new EarlyStoppingSpec(true, metric, patience, 0);
    }
}
