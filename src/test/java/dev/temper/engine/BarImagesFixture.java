package dev.temper.engine;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.model.MlpArchitecture;
import java.util.List;
import java.util.Random;

/**
 * Tiny 8x8 grey images in [0, 1]: a bright vertical bar on the left (class 0), on the right (class 1) or
 * a bright horizontal bar at the top (class 2), over faint noise. Enough for corruptions to bite.
 */
final class BarImagesFixture {

    static final ImageShape SHAPE = new ImageShape(8, 8, 1);

    private BarImagesFixture() {
    }

    static TabularData images(int rows, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][SHAPE.size()];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int label = i % 3;
            labels[i] = label;
            int offset = random.nextInt(2);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean bar = switch (label) {
                        case 0 -> x == 1 + offset || x == 2 + offset;
                        case 1 -> x == 5 + offset || x == 4 + offset;
                        default -> y == 1 + offset || y == 2 + offset;
                    };
                    double value = (bar ? 0.8 : 0.1) + 0.1 * random.nextDouble();
                    features[i][y * 8 + x] = (float) Math.min(1, value);
                }
            }
        }
        return new TabularData(features, labels, 3);
    }

    static MlpArchitecture architecture() {
        return new MlpArchitecture(List.of(16));
    }
}
