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
}
