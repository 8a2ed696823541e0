package dev.temper.engine.strategy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Adversarial training under an L-inf budget, in the model's input units (standardized features for
 * an MLP, pixels in [0, 1] for a CNN, where adversarial images are clipped to [0, 1]).
 *
 * @param method NONE, FGSM (one step of size epsilon), PGD (steps of stepSize, projected to epsilon), TRADES
 *               (Zhang et al. 2019: clean cross-entropy plus beta times the KL divergence between the clean and
 *               the adversarial prediction, the adversarial example found by PGD on that KL) or MART (Wang et al.
 *               2020: boosted cross-entropy on the PGD example plus beta times its KL weighted by how unsure the
 *               clean prediction is)
 * @param epsilon L-inf radius of the perturbation (> 0 unless NONE)
 * @param stepSize PGD step size (> 0 for PGD, TRADES and MART)
 * @param steps PGD iterations (>= 1), also of the inner maximisation of TRADES and MART
 * @param randomStart PGD starts from a uniform random point in the epsilon ball; TRADES and MART always start
 *                    as their papers do, from the clean input plus Gaussian noise of standard deviation 0.001
 * @param ratio FGSM and PGD: fraction of each batch replaced by adversarial versions, in (0, 1]; TRADES and MART
 *              pair every clean row with its adversarial copy and ignore it
 * @param keepClean FGSM and PGD: adversarial copies of the whole batch are added beside the clean batch (ratio
 *                  ignored); TRADES and MART always train on both
 * @param warmupEpochs epsilon grows linearly over these first epochs; 0 = full epsilon from the start
 * @param beta TRADES and MART: weight of the robustness (KL) term, in (0, 100]; 6 as in both papers when left out
 */
public record AdversarialSpec(Method method, double epsilon, double stepSize, int steps, boolean randomStart,
                              double ratio, boolean keepClean, int warmupEpochs, double beta) {

    /** The papers' weight of the KL term (TRADES 1/lambda = 6 on CIFAR-10; MART's beta = 6). */
    public static final double DEFAULT_BETA = 6.0;

    /** Beyond this the cross-entropy term no longer matters and training only flattens the output. */
    public static final double MAX_BETA = 100.0;

    /** How adversarial examples are made, and what loss trains on them. */
    public enum Method {
        NONE, FGSM, PGD, TRADES, MART;

        /** Whether the inner maximisation takes PGD steps (every method but NONE and FGSM). */
        public boolean iterative() {
            return this == PGD || this == TRADES || this == MART;
        }

        /** Whether the loss pairs each clean row with its adversarial copy (TRADES, MART) instead of mixing. */
        public boolean paired() {
            return this == TRADES || this == MART;
        }
    }

    public AdversarialSpec {
        SpecChecks.notNull(method, "method");
        SpecChecks.nonNegative(epsilon, "epsilon");
        SpecChecks.require(method == Method.NONE || epsilon > 0, "epsilon", "epsilon must be > 0 for " + method);
        SpecChecks.nonNegative(stepSize, "stepSize");
        SpecChecks.require(!method.iterative() || stepSize > 0, "stepSize", "stepSize must be > 0 for " + method);
        SpecChecks.between(steps, 1, Limits.MAX_ATTACK_STEPS, "steps");
        SpecChecks.atMost(epsilon, Limits.MAX_INPUT_PERTURBATION, "epsilon");
        SpecChecks.atMost(stepSize, Limits.MAX_INPUT_PERTURBATION, "stepSize");
        SpecChecks.require(Double.isFinite(ratio) && ratio > 0 && ratio <= 1, "ratio",
                "ratio must be in (0, 1], was " + ratio);
        SpecChecks.between(warmupEpochs, 0, Limits.MAX_EPOCHS, "warmupEpochs");
        SpecChecks.require(Double.isFinite(beta) && beta > 0 && beta <= MAX_BETA, "beta",
                "beta must be in (0, " + MAX_BETA + "], was " + beta);
    }

    /** The spec as it was before beta existed: beta takes its default. */
    public AdversarialSpec(Method method, double epsilon, double stepSize, int steps, boolean randomStart,
                           double ratio, boolean keepClean, int warmupEpochs) {
        this(method, epsilon, stepSize, steps, randomStart, ratio, keepClean, warmupEpochs, DEFAULT_BETA);
    }

    /** Reads JSON written before beta existed (stored jobs, checkpoints) with the default beta. */
    @JsonCreator
    static AdversarialSpec fromJson(@JsonProperty("method") Method method, @JsonProperty("epsilon") double epsilon,
                                    @JsonProperty("stepSize") double stepSize, @JsonProperty("steps") int steps,
                                    @JsonProperty("randomStart") boolean randomStart,
                                    @JsonProperty("ratio") double ratio, @JsonProperty("keepClean") boolean keepClean,
                                    @JsonProperty("warmupEpochs") int warmupEpochs,
                                    @JsonProperty("beta") Double beta) {
        return new AdversarialSpec(method, epsilon, stepSize, steps, randomStart, ratio, keepClean, warmupEpochs,
                beta == null ? DEFAULT_BETA : beta);
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

    /** TRADES with its inner PGD on the KL divergence; every row is trained clean and adversarial. */
    public static AdversarialSpec trades(double epsilon, double stepSize, int steps, double beta) {
        return new AdversarialSpec(Method.TRADES, epsilon, stepSize, steps, false, 1, false, 0, beta);
    }

    /** MART with its inner PGD on the cross-entropy; every row is trained clean and adversarial. */
    public static AdversarialSpec mart(double epsilon, double stepSize, int steps, double beta) {
        return new AdversarialSpec(Method.MART, epsilon, stepSize, steps, false, 1, false, 0, beta);
    }

    public AdversarialSpec withWarmup(int epochs) {
        return new AdversarialSpec(method, epsilon, stepSize, steps, randomStart, ratio, keepClean, epochs, beta);
    }

    public boolean enabled() {
        return method != Method.NONE;
    }

    /** Epsilon used in a 1-based epoch, after warm-up. */
    public double epsilonAt(int epoch) {
        return warmupEpochs == 0 ? epsilon : epsilon * Math.min(1.0, epoch / (double) warmupEpochs);
    }
}
