package dev.temper.engine;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.MlpArchitecture;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.List;
import java.util.Random;

/**
 * Gaussian blobs: one center per class in feature space, rows scattered around it. Features get a
 * different raw scale and offset each, so standardization has real work to do.
 */
public final class BlobsFixture {

    static final int FEATURES = 4;
    static final int CLASSES = 3;

    private BlobsFixture() {
    }

    public static TabularData blobs(int rows, int classCount, long seed) {
        // Centers come from a fixed seed so that train, validation and test share the same problem.
        Random centers = new Random(42);
        float[][] center = new float[classCount][FEATURES];
        for (int c = 0; c < classCount; c++) {
            for (int j = 0; j < FEATURES; j++) {
                center[c][j] = (float) (centers.nextGaussian() * 2.0);
            }
        }
        Random random = new Random(seed);
        float[][] features = new float[rows][FEATURES];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int label = i % classCount;
            labels[i] = label;
            for (int j = 0; j < FEATURES; j++) {
                float standard = (float) (center[label][j] + random.nextGaussian() * 1.0);
                features[i][j] = standard * scale(j) + offset(j);
            }
        }
        return new TabularData(features, labels, classCount);
    }

    public static TabularData train() {
        return blobs(600, CLASSES, 1);
    }

    public static TabularData validation() {
        return blobs(300, CLASSES, 2);
    }

    public static TabularData test() {
        return blobs(300, CLASSES, 3);
    }

    public static MlpArchitecture architecture() {
        return new MlpArchitecture(List.of(16, 8));
    }

    public static TrainingStrategy quick(long seed) {
        return TrainingStrategy.of(15, 32, 0.01, seed);
    }

    private static float scale(int feature) {
        return new float[] {1f, 10f, 0.1f, 100f}[feature % 4];
    }

    private static float offset(int feature) {
        return new float[] {0f, 50f, -3f, 1000f}[feature % 4];
    }
}
