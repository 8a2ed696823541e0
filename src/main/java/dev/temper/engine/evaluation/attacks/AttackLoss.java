package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.metrics.Logits;
import java.util.Arrays;

/**
 * The objective a gradient attack climbs, per example. Cross-entropy is the classic choice; the DLR losses
 * (Croce and Hein 2020, "difference of logits ratio") are invariant to shifting and rescaling the logits, so
 * a model cannot look robust merely because its softmax saturates.
 *
 * <p>With z the logits and z_pi1 >= z_pi2 >= ... the same logits sorted:
 * <ul>
 *   <li>DLR: -(z_y - max_{i != y} z_i) / (z_pi1 - z_pi3 + 1e-12);</li>
 *   <li>DLR_TARGETED: -(z_y - z_t) / (z_pi1 - (z_pi3 + z_pi4) / 2 + 1e-12), for a target class t.</li>
 * </ul>
 * Fewer classes than the formulas need: with 3 classes z_pi4 does not exist and the targeted scale is
 * z_pi1 - (z_pi2 + z_pi3) / 2 (not z_pi1 - z_pi3, which equals the numerator whenever y and t are the first and
 * third class, a constant loss); with 2 classes both DLR losses fall back to cross-entropy, because a ratio
 * of the one logit gap to itself is constant and has no gradient.
 */
public enum AttackLoss {
    CROSS_ENTROPY,
    DLR,
    DLR_TARGETED;

    /** Keeps the ratio finite when the top logits tie. */
    public static final double DLR_STABILITY = 1e-12;

    public boolean needsTargets() {
        return this == DLR_TARGETED;
    }

    /** The loss actually computed for a model with this many classes (see the class comment for fallbacks). */
    public AttackLoss effectiveFor(int classCount) {
        return this != CROSS_ENTROPY && classCount < 3 ? CROSS_ENTROPY : this;
    }

    /**
     * The loss of one example from its logits, as the graph computes it: for tests and for targets that
     * only see logits. {@code target} is ignored unless the loss is targeted.
     */
    public double value(float[] logits, int label, int target) {
        AttackLoss effective = effectiveFor(logits.length);
        if (effective == CROSS_ENTROPY) {
            return Logits.negativeLogLikelihood(logits, label);
        }
        float[] sorted = logits.clone();
        Arrays.sort(sorted);
        int c = sorted.length;
        double first = sorted[c - 1];
        double third = sorted[c - 3];
        if (effective == DLR) {
            double bestOther = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                if (k != label) {
                    bestOther = Math.max(bestOther, logits[k]);
                }
            }
            return -(logits[label] - bestOther) / (first - third + DLR_STABILITY);
        }
        double scale = first - (third + (c >= 4 ? sorted[c - 4] : sorted[c - 2])) / 2;
        return -(logits[label] - logits[target]) / (scale + DLR_STABILITY);
    }
}
