package dev.temper.engine.evaluation.corruptions;

import java.util.Random;

/** Pixel noise: additive Gaussian, Poisson (shot) and salt-and-pepper (impulse). Severity 1..5 indexes the tables. */
final class NoiseCorruptions {

    private static final double[] GAUSSIAN_SIGMA = {0.04, 0.08, 0.12, 0.18, 0.26};
    /** Photons per unit intensity: fewer photons, noisier image. */
    private static final double[] SHOT_PHOTONS = {60, 25, 12, 5, 3};
    private static final double[] IMPULSE_FRACTION = {0.01, 0.02, 0.04, 0.07, 0.11};

    private NoiseCorruptions() {
    }

    static float[] gaussian(float[] image, int severity, Random random) {
        double sigma = GAUSSIAN_SIGMA[severity - 1];
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = Pixels.clip(image[i] + sigma * random.nextGaussian());
        }
        return out;
    }

    static float[] shot(float[] image, int severity, Random random) {
        double photons = SHOT_PHOTONS[severity - 1];
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = Pixels.clip(poisson(image[i] * photons, random) / photons);
        }
        return out;
    }

    static float[] impulse(float[] image, int severity, Random random) {
        double fraction = IMPULSE_FRACTION[severity - 1];
        float[] out = image.clone();
        for (int i = 0; i < image.length; i++) {
            if (random.nextDouble() < fraction) {
                out[i] = random.nextBoolean() ? 1f : 0f;
            }
        }
        return out;
    }

    /** Knuth's multiplication method; fine for the small means used here (at most 60). */
    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
