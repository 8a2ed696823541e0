package dev.temper.engine.strategy;

/**
 * Adversarial training under an L-inf budget, in the model's input units (standardized features for
 * an MLP, pixels in [0, 1] for a CNN, where adversarial images are clipped to [0, 1]).
 *
 * @param method NONE, FGSM (one step of size epsilon) or PGD (steps of stepSize, projected to epsilon)
 * @param epsilon L-inf radius of the perturbation (> 0 unless NONE)
 * @param stepSize PGD step size (> 0 for PGD)
 * @param steps PGD iterations (>= 1)
 * @param randomStart PGD starts from a uniform random point in the epsilon ball
 * @param ratio fraction of each batch replaced by adversarial versions, in (0, 1]
 * @param keepClean true: adversarial copies of the whole batch are added beside the clean batch (ratio ignored)
 * @param warmupEpochs epsilon grows linearly over these first epochs; 0 = full epsilon from the start
 */
public record AdversarialSpec(Method method, double epsilon, double stepSize, int steps, boolean randomStart,
                              double ratio, boolean keepClean, int warmupEpochs) {

    /** How adversarial examples are made. */
    public enum Method { NONE, FGSM, PGD }

    public AdversarialSpec {
        SpecChecks.notNull(method, "method");
        SpecChecks.nonNegative(epsilon, "epsilon");
        SpecChecks.require(method == Method.NONE || epsilon > 0, "epsilon", "epsilon must be > 0 for " + method);
        SpecChecks.nonNegative(stepSize, "stepSize");
        SpecChecks.require(method != Method.PGD || stepSize > 0, "stepSize", "stepSize must be > 0 for PGD");
        SpecChecks.atLeast(steps, 1, "steps");
        SpecChecks.require(Double.isFinite(ratio) && ratio > 0 && ratio <= 1, "ratio",
                "ratio must be in (0, 1], was " + ratio);
        SpecChecks.atLeast(warmupEpochs, 0, "warmupEpochs");
    }

    public static AdversarialSpec none() {
        return new AdversarialSpec(Method.NONE, 0, 0, 1, false, 1, false, 0);
    }

    /** The original FGSM training: every batch trained on its clean rows plus their FGSM copies. */
    public static AdversarialSpec fgsmBesideClean(double epsilon) {
        return new AdversarialSpec(Method.FGSM, epsilon, 0, 1, false, 1, true, 0);
    }

    public static AdversarialSpec fgsm(double epsilon, double ratio) {
        return new AdversarialSpec(Method.FGSM, epsilon, 0, 1, false, ratio, false, 0);
    }

    public static AdversarialSpec pgd(double epsilon, double stepSize, int steps, double ratio) {
        return new AdversarialSpec(Method.PGD, epsilon, stepSize, steps, true, ratio, false, 0);
    }

    public AdversarialSpec withWarmup(int epochs) {
        return new AdversarialSpec(method, epsilon, stepSize, steps, randomStart, ratio, keepClean, epochs);
    }

    public boolean enabled() {
        return method != Method.NONE;
    }

    /** Epsilon used in a 1-based epoch, after warm-up. */
    public double epsilonAt(int epoch) {
        return warmupEpochs == 0 ? epsilon : epsilon * Math.min(1.0, epoch / (double) warmupEpochs);
    }
}
