package dev.temper.engine.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Splits row indices into shuffled mini-batches; the shuffle order depends only on the Random given. */
final class MiniBatches {

    private MiniBatches() {
    }

    static List<int[]> shuffled(int rows, int batchSize, Random random) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < rows; start += batchSize) {
            int[] batch = new int[Math.min(batchSize, rows - start)];
            System.arraycopy(order, start, batch, 0, batch.length);
            batches.add(batch);
        }
        return batches;
    }

    static float[][] rows(float[][] all, int[] indices) {
        float[][] picked = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = all[indices[i]];
        }
        return picked;
    }

    static int[] labels(int[] all, int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = all[indices[i]];
        }
        return picked;
    }
}
