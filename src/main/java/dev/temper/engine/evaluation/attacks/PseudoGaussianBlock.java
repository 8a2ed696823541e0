package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/**
 * The L2 Square attack's update shape (Andriushchenko et al. 2020): a window split into two halves of
 * opposite sign, each half a "pseudo-Gaussian" bump, highest in its centre and falling off in concentric
 * rings with weight 1 / (ring + 1)^2; unit L2 norm. Mass concentrated in few pixels moves the logits more
 * per unit of L2 budget than a flat patch does.
 */
final class PseudoGaussianBlock {

    private PseudoGaussianBlock() {
    }

    /** Row-major block of {@code height x width}; a square block is transposed half the time, at random. */
    static double[] of(int height, int width, Random random) {
        boolean splitRows = height > width || (height == width && random.nextBoolean());
        double[] block = new double[height * width];
        if (splitRows) {
            int upper = Math.max(1, height / 2);
            fill(block, width, 0, upper, 0, width, 1);
            fill(block, width, upper, height, 0, width, -1);
        } else {
            int left = Math.max(1, width / 2);
            fill(block, width, 0, height, 0, left, 1);
            fill(block, width, 0, height, left, width, -1);
        }
        double norm = 0;
        for (double v : block) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < block.length; k++) {
            block[k] /= norm;
        }
        return block;
    }

    /** One bump over rows [y0, y1) and columns [x0, x1): a cell at ring distance d gets sum_{k>=d} 1/(k+1)^2. */
    private static void fill(double[] block, int stride, int y0, int y1, int x0, int x1, int sign) {
        int rows = y1 - y0;
        int cols = x1 - x0;
        if (rows <= 0 || cols <= 0) {
            return;
        }
        int cy = rows / 2;
        int cx = cols / 2;
        int rings = Math.max(cy, cx) + 1;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int ring = Math.max(Math.abs(y - cy), Math.abs(x - cx));
                double value = 0;
                for (int k = ring; k < rings; k++) {
                    value += 1.0 / ((k + 1.0) * (k + 1.0));
                }
                block[(y0 + y) * stride + x0 + x] = sign * value;
            }
        }
    }
}
