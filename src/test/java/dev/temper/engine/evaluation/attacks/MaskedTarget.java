package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.metrics.Logits;

/**
 * Test double of a gradient-masked model: a linear rule applied to inputs snapped to a 0.25 grid. The
 * snapping makes the loss piecewise constant, so the reported gradient is zero everywhere, yet a small
 * perturbation that crosses a grid line flips the prediction.
 */
final class MaskedTarget implements AttackTarget {

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public float[][] logits(float[][] inputs) {
        float[][] logits = new float[inputs.length][2];
        for (int i = 0; i < inputs.length; i++) {
            float sum = 0;
            for (float value : inputs[i]) {
                sum += (float) (Math.floor(value * 4) / 4);
            }
            logits[i][1] = 4 * sum;
        }
        return logits;
    }

    @Override
    public float[][] lossGradient(float[][] inputs, int[] labels) {
        return new float[inputs.length][inputs[0].length];
    }

    /** Labels the model gets right on clean inputs: its own predictions. */
    int[] ownPredictions(float[][] inputs) {
        return Logits.predictions(logits(inputs));
    }
}
