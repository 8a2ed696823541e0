package dev.temper.engine.model;

import dev.temper.engine.data.TabularData;
import java.util.Arrays;

/**
 * Per-feature (x - mean) / std, applied in Java before any tensor is built, so that training, DJL
 * inference and FGSM all work in the same standardized units.
 */
public record Standardization(float[] mean, float[] std) {

    /** Floor for the standard deviation: a constant feature must not divide by zero. */
    public static final float MIN_STD = 1e-6f;

    /** Leaves values unchanged: images stay in pixel units [0, 1]. */
    public static Standardization identity(int width) {
        float[] std = new float[width];
        Arrays.fill(std, 1f);
        return new Standardization(new float[width], std);
    }

    public static Standardization fit(TabularData data) {
        int width = data.featureCount();
        double[] sum = new double[width];
        double[] sumOfSquares = new double[width];
        for (float[] row : data.features()) {
            for (int j = 0; j < width; j++) {
                sum[j] += row[j];
                sumOfSquares[j] += (double) row[j] * row[j];
            }
        }
        float[] mean = new float[width];
        float[] std = new float[width];
        int n = Math.max(1, data.size());
        for (int j = 0; j < width; j++) {
            double m = sum[j] / n;
            double variance = Math.max(0, sumOfSquares[j] / n - m * m);
            mean[j] = (float) m;
            std[j] = (float) Math.max(MIN_STD, Math.sqrt(variance));
        }
        return new Standardization(mean, std);
    }

    public float[][] apply(float[][] rows) {
        float[][] result = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length
                        + " features, the model expects " + mean.length);
            }
            result[i] = new float[mean.length];
            for (int j = 0; j < mean.length; j++) {
                result[i][j] = (rows[i][j] - mean[j]) / Math.max(MIN_STD, std[j]);
            }
        }
        return result;
    }
}
