package dev.temper.engine.evaluation.corruptions;

import java.util.Random;

/**
 * Common image corruptions with five severities each, in the spirit of ImageNet-C / CIFAR-10-C but
 * computed in Java on [0, 1] images. Severity 0 is the clean image. Random ones draw from the given
 * Random, so a seed reproduces them.
 */
public enum CorruptionType {
    GAUSSIAN_NOISE, SHOT_NOISE, IMPULSE_NOISE, BLUR, BRIGHTNESS, CONTRAST, ROTATION, TRANSLATION, PIXELATION;

    public static final int MAX_SEVERITY = 5;

    public float[] apply(float[] image, ImageShape shape, int severity, Random random) {
        shape.check(image);
        if (severity < 0 || severity > MAX_SEVERITY) {
            throw new IllegalArgumentException("severity must be in 0.." + MAX_SEVERITY + ", got " + severity);
        }
        if (severity == 0) {
            return image.clone();
        }
        return switch (this) {
            case GAUSSIAN_NOISE -> NoiseCorruptions.gaussian(image, severity, random);
            case SHOT_NOISE -> NoiseCorruptions.shot(image, severity, random);
            case IMPULSE_NOISE -> NoiseCorruptions.impulse(image, severity, random);
            case BLUR -> BlurCorruptions.blur(image, shape, severity);
            case BRIGHTNESS -> PhotometricCorruptions.brightness(image, severity);
            case CONTRAST -> PhotometricCorruptions.contrast(image, shape, severity);
            case ROTATION -> GeometricCorruptions.rotation(image, shape, severity, random);
            case TRANSLATION -> GeometricCorruptions.translation(image, shape, severity, random);
            case PIXELATION -> BlurCorruptions.pixelate(image, shape, severity);
        };
    }

    /** Corrupts every row, with one Random per (type, severity) seeded from seed so results are reproducible. */
    public float[][] applyAll(float[][] images, ImageShape shape, int severity, long seed) {
        Random random = new Random(seed * 1_000_003L + ordinal() * 16L + severity);
        float[][] out = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            out[i] = apply(images[i], shape, severity, random);
        }
        return out;
    }
}
