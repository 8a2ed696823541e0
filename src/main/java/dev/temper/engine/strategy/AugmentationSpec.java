package dev.temper.engine.strategy;

/**
 * Random changes to each training batch, made in Java from the run's seed (so runs stay repeatable).
 * Tabular rows use gaussianNoise and featureDropout; images use every field but featureDropout.
 *
 * @param gaussianNoise standard deviation of noise added to every value (input units); 0 = off
 * @param featureDropout tabular only: probability in [0, 1) that a feature is set to its mean (0 after standardization)
 * @param maxShift images: random shift of up to this many pixels per axis, zero padded (a random crop); 0 = off
 * @param horizontalFlip images: mirror left-right with probability 1/2
 * @param maxRotationDegrees images: random rotation in [-max, max] degrees, in [0, 180]; 0 = off
 * @param cutoutSize images: side of a random square set to 0; 0 = off
 */
public record AugmentationSpec(double gaussianNoise, double featureDropout, int maxShift, boolean horizontalFlip,
                               double maxRotationDegrees, int cutoutSize) {

    public AugmentationSpec {
        SpecChecks.nonNegative(gaussianNoise, "gaussianNoise");
        SpecChecks.atMost(gaussianNoise, Limits.MAX_INPUT_PERTURBATION, "gaussianNoise");
        SpecChecks.fraction(featureDropout, "featureDropout");
        SpecChecks.between(maxShift, 0, Limits.MAX_SHIFT, "maxShift");
        SpecChecks.require(Double.isFinite(maxRotationDegrees) && maxRotationDegrees >= 0 && maxRotationDegrees <= 180,
                "maxRotationDegrees", "maxRotationDegrees must be in [0, 180], was " + maxRotationDegrees);
        SpecChecks.between(cutoutSize, 0, Limits.MAX_SHIFT, "cutoutSize");
    }

    public static AugmentationSpec none() {
        return new AugmentationSpec(0, 0, 0, false, 0, 0);
    }

    public static AugmentationSpec tabular(double gaussianNoise, double featureDropout) {
        return new AugmentationSpec(gaussianNoise, featureDropout, 0, false, 0, 0);
    }

    public static AugmentationSpec images(int maxShift, boolean horizontalFlip, double maxRotationDegrees,
                                          double gaussianNoise, int cutoutSize) {
        return new AugmentationSpec(gaussianNoise, 0, maxShift, horizontalFlip, maxRotationDegrees, cutoutSize);
    }

    public boolean enabled() {
        return !equals(none());
    }
}
