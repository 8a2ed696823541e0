package dev.temper.engine;

import dev.temper.engine.attacks.AttackTarget;

/**
 * An attack target seen in raw input units: standardizes before the model and maps the gradient back by
 * the chain rule (d/d raw = d/d standardized / std). Image attacks need this, because their epsilon and
 * their [0, 1] box are defined on pixels, not on standardized features.
 */
final class RawInputTarget implements AttackTarget {

    private final AttackTarget standardizedTarget;
    private final Standardization standardization;

    RawInputTarget(AttackTarget standardizedTarget, Standardization standardization) {
        this.standardizedTarget = standardizedTarget;
        this.standardization = standardization;
    }

    @Override
    public int classCount() {
        return standardizedTarget.classCount();
    }

    @Override
    public float[][] logits(float[][] rawInputs) {
        return standardizedTarget.logits(standardization.apply(rawInputs));
    }

    @Override
    public float[][] lossGradient(float[][] rawInputs, int[] labels) {
        float[][] gradient = standardizedTarget.lossGradient(standardization.apply(rawInputs), labels);
        float[] std = standardization.std();
        for (float[] row : gradient) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= Math.max(Standardization.MIN_STD, std[j]);
            }
        }
        return gradient;
    }
}
