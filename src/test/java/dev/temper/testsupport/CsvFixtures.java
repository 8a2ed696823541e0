package dev.temper.testsupport;

import java.util.Locale;
import java.util.Random;

/**
 * Tabular classification data as CSV text: Gaussian blobs that overlap, so a model must learn and
 * cannot reach 100%, with named classes and features of different scales.
 */
public final class CsvFixtures {

    public static final String[] CLASSES = {"alpha", "beta", "gamma"};
    public static final int FEATURES = 4;

    private CsvFixtures() {
    }

    public static String blobs(int rows, long seed) {
        Random centers = new Random(7);
        double[][] center = new double[CLASSES.length][FEATURES];
        for (double[] c : center) {
            for (int j = 0; j < FEATURES; j++) {
                c[j] = centers.nextGaussian() * 2.0;
            }
        }
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("f0,f1,species,f2,f3\n");
        for (int i = 0; i < rows; i++) {
            int label = i % CLASSES.length;
            double[] x = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                x[j] = (center[label][j] + random.nextGaussian()) * (j + 1) * 10 + j;
            }
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%.4f,%.4f%n", x[0], x[1], CLASSES[label], x[2], x[3]));
        }
        return csv.toString();
    }

    /**
     * 8x8 grey images as CSV rows of 64 pixel columns in [0, 1] and a label: a horizontal bar, a vertical bar
     * or the diagonal, at a random position over faint noise.
     */
    public static String bars(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int p = 0; p < 64; p++) {
            csv.append('p').append(p).append(',');
        }
        csv.append("shape\n");
        String[] shapes = {"horizontal", "vertical", "diagonal"};
        for (int i = 0; i < rows; i++) {
            int label = i % shapes.length;
            int at = 1 + random.nextInt(6);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = label == 0 ? y == at : label == 1 ? x == at : x == y;
                    double value = Math.min(1, (on ? 0.8 : 0.1) + 0.15 * random.nextDouble());
                    csv.append(String.format(Locale.ROOT, "%.3f,", value));
                }
            }
            csv.append(shapes[label]).append('\n');
        }
        return csv.toString();
    }
}
