package dev.temper.worker;

/** Per-feature spread of a split, the unit of epsilon for tables measured in train-split standard deviations. */
final class FeatureScale {

    private FeatureScale() {
    }

    /**
     * Population standard deviation of each feature, over the values present (NaN marks a missing value); a
     * feature with no value present gets 0, which the engine raises to its smallest scale.
     */
    static float[] standardDeviations(float[][] rows, int width) {
        float[] std = new float[width];
        for (int j = 0; j < width; j++) {
            long count = 0;
            double mean = 0;
            double m2 = 0;
            for (float[] row : rows) {
                float value = row[j];
                if (Float.isNaN(value)) {
                    continue;
                }
                count++;
                double delta = value - mean;
                mean += delta / count;
                m2 += delta * (value - mean);
            }
            std[j] = count == 0 ? 0f : (float) Math.sqrt(m2 / count);
        }
        return std;
    }
}
