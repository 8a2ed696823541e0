package dev.temper.contract;

/**
 * How a version's samples were divided: shares of train, validation and test and the seed of the
 * stratified shuffle. It is written into the canonical file, so it is part of the version's identity.
 */
public record SplitPlan(double train, double validation, double test, long seed) {

    public static final long DEFAULT_SEED = 20261125L;
    public static final SplitPlan DEFAULT = new SplitPlan(0.70, 0.15, 0.15, DEFAULT_SEED);

    public SplitPlan {
        if (!(train > 0) || validation < 0 || test < 0 || Double.isNaN(validation) || Double.isNaN(test)) {
            throw new IllegalArgumentException("split ratios: train must be above 0, validation and test 0 or more");
        }
        if (Math.abs(train + validation + test - 1.0) > 1e-6) {
            throw new IllegalArgumentException("split ratios: train + validation + test must add up to 1, not "
                    + (train + validation + test));
        }
    }

    public double share(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }
}
