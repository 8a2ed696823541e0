package dev.temper.engine.evaluation.corruptions;

import dev.temper.engine.evaluation.attacks.InputBounds;
import java.util.Random;

/** Additive Gaussian noise in the threat model's units, clipped to the valid input box ([0, 1] for images). */
public final class GaussianNoise {

    private GaussianNoise() {
    }

    public static float[][] apply(float[][] rows, double sigma, InputBounds bounds, long seed) {
        if (!Double.isFinite(sigma) || sigma < 0) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        Random random = new Random(seed * 31 + Double.hashCode(sigma));
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = bounds.clip((float) (rows[i][j] + sigma * random.nextGaussian()));
            }
        }
        return out;
    }
}
