package dev.temper.engine.evaluation.reliability;

/**
 * One sign that a robustness number may overstate the model (Carlini et al. 2019; AutoAttack's checks).
 * Any flag marks the evaluation unreliable.
 *
 * @param check  which check fired
 * @param reason the evidence, in words a reviewer reads (numbers included)
 */
public record ReliabilityFlag(Check check, String reason) {

    public ReliabilityFlag {
        if (check == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a flag needs its check and a reason");
        }
    }

    /** The checks run on every evaluation; the description says what firing means. */
    public enum Check {
        RANDOMIZED_OUTPUTS("two identical passes over the test inputs gave different outputs: the model is randomised, "
                + "so a single attack run can miss"),
        PROBABILITY_OUTPUTS("the model outputs probabilities rather than logits: saturated softmax hides gradients"),
        ZERO_GRADIENTS("examples have an exactly zero input gradient: gradient attacks cannot move them"),
        GRADIENT_FREE_STRONGER("the gradient-free attack fooled examples the gradient attacks missed: gradients are "
                + "likely masked"),
        NOT_MONOTONE("robust accuracy rises with a larger epsilon: the attack failed at some radius"),
        EPSILON_ZERO_DIFFERS("robust accuracy at epsilon 0 differs from clean accuracy"),
        LARGE_EPSILON_ABOVE_CHANCE("accuracy stays above chance at an epsilon large enough to erase the input"),
        NOT_CONVERGED("doubling the attack iterations lowered robust accuracy: the attack has not converged"),
        TRANSFER_STRONGER("examples crafted on the base model fooled examples the white-box attacks missed");

        private final String meaning;

        Check(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }
}
