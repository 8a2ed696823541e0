package dev.temper.engine;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.CnnArchitecture;
import java.util.List;
import java.util.Random;

/**
 * Tiny synthetic images, flat HWC rows in [0, 1] on a noisy background: class 0 a bright horizontal bar,
 * class 1 a vertical bar, class 2 a square blob, class 3 (when asked for) a diagonal; each at a random
 * position, so the network has to learn shapes rather than single pixels.
 */
public final class ImagesFixture {

    static final int SIZE = 8;

    private ImagesFixture() {
    }

    public static TabularData images(int rows, int classCount, int channels, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % classCount;
            features[i] = image(labels[i], channels, random);
        }
        return new TabularData(features, labels, classCount);
    }

    private static float[] image(int label, int channels, Random random) {
        float[] pixels = new float[SIZE * SIZE * channels];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = random.nextFloat() * 0.3f;
        }
        int at = random.nextInt(SIZE - 2);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean on = switch (label) {
                    case 0 -> y == at;
                    case 1 -> x == at;
                    case 2 -> y >= at && y < at + 3 && x >= at && x < at + 3;
                    default -> x == y;
                };
                if (on) {
                    for (int c = 0; c < channels; c++) {
                        pixels[(y * SIZE + x) * channels + c] = 0.7f + random.nextFloat() * 0.3f;
                    }
                }
            }
        }
        return pixels;
    }

    public static CnnArchitecture architecture(int channels) {
        return new CnnArchitecture(SIZE, SIZE, channels, List.of(8, 16), List.of(16));
    }
}
