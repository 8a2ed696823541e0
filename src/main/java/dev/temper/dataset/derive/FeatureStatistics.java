package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-feature statistics of a tabular parent, in one pass: mean, standard deviation and (optionally)
 * median of the present values in the train split only, so derived values never learn from evaluation
 * samples, and the count of missing values in all splits.
 */
final class FeatureStatistics {

    private final long[] trainCounts;
    private final double[] means;
    private final double[] squaredDeviations;
    private final long[] missing;
    private final float[][] trainValues;

    private FeatureStatistics(int features, boolean keepValues) {
        trainCounts = new long[features];
        means = new double[features];
        squaredDeviations = new double[features];
        missing = new long[features];
        trainValues = keepValues ? new float[features][16] : null;
    }

    /** With keepValues the train values are held in memory (4 bytes each) so medians can be taken. */
    static FeatureStatistics gather(StreamSource parent, DatasetHeader header, boolean keepValues) throws IOException {
        FeatureStatistics stats = new FeatureStatistics(header.valueCount(), keepValues);
        ParentPasses.read(parent, (index, sample) -> stats.add(sample.split(), sample.values()));
        return stats;
    }

    private void add(Split split, float[] values) {
        for (int f = 0; f < values.length; f++) {
            float value = values[f];
            if (Float.isNaN(value)) {
                missing[f]++;
            } else if (split == Split.TRAIN) {
                // Welford's update keeps the variance accurate for large, offset values.
                long n = ++trainCounts[f];
                double delta = value - means[f];
                means[f] += delta / n;
                squaredDeviations[f] += delta * (value - means[f]);
                if (trainValues != null) {
                    keep(f, n, value);
                }
            }
        }
    }

    private void keep(int feature, long n, float value) {
        if (n > trainValues[feature].length) {
            trainValues[feature] = Arrays.copyOf(trainValues[feature], trainValues[feature].length * 2);
        }
        trainValues[feature][(int) n - 1] = value;
    }

    long trainCount(int feature) {
        return trainCounts[feature];
    }

    long missing(int feature) {
        return missing[feature];
    }

    double mean(int feature) {
        return means[feature];
    }

    /** Population standard deviation; 0 when the train split has fewer than two values. */
    double std(int feature) {
        return trainCounts[feature] < 2 ? 0 : Math.sqrt(squaredDeviations[feature] / trainCounts[feature]);
    }

    /** The middle value, or the mean of the two middle values for an even count. */
    double median(int feature) {
        int n = (int) trainCounts[feature];
        float[] sorted = Arrays.copyOf(trainValues[feature], n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
    }
}
