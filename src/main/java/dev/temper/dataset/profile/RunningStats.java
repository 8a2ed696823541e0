package dev.temper.dataset.profile;

import dev.temper.dataset.profile.DatasetProfile.ValueStats;

/** Mean and variance in one pass (Welford), so no value has to be kept; NaN values are skipped. */
final class RunningStats {

    private long count;
    private double mean;
    private double squaredDeviations;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        squaredDeviations += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    long count() {
        return count;
    }

    /** 0 before the first value. */
    double mean() {
        return mean;
    }

    /** Population standard deviation; NaN before the first value. */
    double std() {
        return Math.sqrt(squaredDeviations / count);
    }

    ValueStats toStats(String name) {
        if (count == 0) {
            return new ValueStats(name, 0, null, null, null, null);
        }
        return new ValueStats(name, count, mean, std(), min, max);
    }
}
