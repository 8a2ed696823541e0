package dev.temper.engine.strategy;

/**
 * Regularisation while training; the exported serving graph is unaffected (it has no dropout).
 *
 * @param weightDecay L2 penalty weightDecay * sum(w^2) / 2 over all weight matrices and kernels (not biases); 0 = off
 * @param dropout rate in [0, 1) at which hidden activations are dropped while training; 0 = off
 * @param labelSmoothing in [0, 1): training targets become (1 - s) * one-hot + s / classCount; 0 = off
 */
public record RegularizationSpec(double weightDecay, double dropout, double labelSmoothing) {

    public RegularizationSpec {
        SpecChecks.nonNegative(weightDecay, "weightDecay");
        SpecChecks.atMost(weightDecay, Limits.MAX_WEIGHT_DECAY, "weightDecay");
        SpecChecks.fraction(dropout, "dropout");
        SpecChecks.fraction(labelSmoothing, "labelSmoothing");
    }

    public static RegularizationSpec none() {
        return new RegularizationSpec(0, 0, 0);
    }
}
