package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.model.Standardization;


/**
 * An attack target seen in raw input units: standardizes before the model and maps the gradient back by
 * the chain rule (d/d raw = d/d standardized / std). Image attacks need this, because their epsilon and
 * their [0, 1] box are defined on pixels, not on standardized features.
 */
final class RawInputTarget implements AttackTarget {

    private final AttackTarget standardizedTarget;
    private final Standardization standardization;
    /** Images are usually served in pixel units: then each step skips two copies of the batch (bit-exact). */
    private final boolean identity;

    RawInputTarget(AttackTarget standardizedTarget, Standardization standardization) {
        this.standardizedTarget = standardizedTarget;
        this.standardization = standardization;
        this.identity = isIdentity(standardization);
    }

    private static boolean isIdentity(Standardization standardization) {
        for (int j = 0; j < standardization.mean().length; j++) {
            if (standardization.mean()[j] != 0f || standardization.std()[j] != 1f) {
                return false;
            }
        }
        return true;
    }

    /** (x - 0) / 1 is x exactly, so the identity needs only the width check that apply makes. */
    private float[][] standardized(float[][] rawInputs) {
        if (!identity) {
            return standardization.apply(rawInputs);
        }
        for (int i = 0; i < rawInputs.length; i++) {
            if (rawInputs[i].length != standardization.mean().length) {
                throw new IllegalArgumentException("row " + i + " has " + rawInputs[i].length
                        + " features, the model expects " + standardization.mean().length);
            }
        }
        return rawInputs;
    }

    @Override
    public int classCount() {
        return standardizedTarget.classCount();
    }

    @Override
    public float[][] logits(float[][] rawInputs) {
        return standardizedTarget.logits(standardized(rawInputs));
    }

    @Override
    public float[][] lossGradient(float[][] rawInputs, int[] labels) {
        float[][] gradient = standardizedTarget.lossGradient(standardized(rawInputs), labels);
        if (identity) {
            return gradient;
        }
        float[] std = standardization.std();
        for (float[] row : gradient) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= Math.max(Standardization.MIN_STD, std[j]);
            }
        }
        return gradient;
    }
}
