package dev.temper.dataset.profile;

/**
 * Centres and scales each feature by its mean and standard deviation over the training rows; a missing
 * value becomes 0, which is the training mean. Features without spread are only centred.
 */
final class Standardizer {

    private final double[] mean;
    private final double[] inverseStd;

    private Standardizer(double[] mean, double[] inverseStd) {
        this.mean = mean;
        this.inverseStd = inverseStd;
    }

    static Standardizer fit(float[][] values, int[] rows, int featureCount) {
        RunningStats[] stats = new RunningStats[featureCount];
        for (int f = 0; f < featureCount; f++) {
            stats[f] = new RunningStats();
        }
        for (int row : rows) {
            float[] sample = values[row];
            for (int f = 0; f < featureCount; f++) {
                stats[f].add(sample[f]);
            }
        }
        double[] mean = new double[featureCount];
        double[] inverseStd = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            DatasetProfile.ValueStats summary = stats[f].toStats("");
            mean[f] = summary.count() == 0 ? 0 : summary.mean();
            double std = summary.count() == 0 ? 0 : summary.std();
            inverseStd[f] = std > 1e-8 ? 1 / std : 1;
        }
        return new Standardizer(mean, inverseStd);
    }

    void transform(float[] sample, double[] out) {
        for (int f = 0; f < out.length; f++) {
            float value = sample[f];
            out[f] = Float.isNaN(value) ? 0 : (value - mean[f]) * inverseStd[f];
        }
    }
}
