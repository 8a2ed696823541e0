package dev.temper.engine.evaluation.attacks;

/**
 * What white-box attacks need from a model, in model-input units (standardized features). Keeping the
 * attacks behind this interface means they do not care how the graph is built (MLP, CNN) or whether it is
 * a test double.
 */
public interface AttackTarget extends Classifier {

    int classCount();

    /** Per example: d(cross-entropy of that example) / d(input), same shape as the inputs. */
    float[][] lossGradient(float[][] inputs, int[] labels);

    /**
     * Logits, per-example loss and per-example input gradient of {@code loss} at once: a graph target does it
     * in one session run, which is what one attack iteration should cost.
     *
     * <p>This default serves cross-entropy from {@link #logits} and {@link #lossGradient} (two passes), so
     * simple test doubles keep working; targets that can differentiate DLR override it.
     *
     * @param targets target class per example for {@link AttackLoss#DLR_TARGETED}, otherwise ignored (may be null)
     */
    default LossAndGradient lossAndGradient(float[][] inputs, int[] labels, AttackLoss loss, int[] targets) {
        if (loss.effectiveFor(classCount()) != AttackLoss.CROSS_ENTROPY) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " has no gradient for " + loss);
        }
        float[][] logits = logits(inputs);
        float[] values = new float[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            values[i] = (float) AttackLoss.CROSS_ENTROPY.value(logits[i], labels[i], -1);
        }
        return new LossAndGradient(logits, values, lossGradient(inputs, labels));
    }
}
