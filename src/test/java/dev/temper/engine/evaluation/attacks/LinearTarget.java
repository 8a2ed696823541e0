package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.metrics.Logits;

/** Test double: a linear softmax classifier logits = W x, whose exact input gradient is known in closed form. */
final class LinearTarget implements AttackTarget {

    private final float[][] weights;

    LinearTarget(float[][] weights) {
        this.weights = weights;
    }

    @Override
    public int classCount() {
        return weights.length;
    }

    @Override
    public float[][] logits(float[][] inputs) {
        float[][] logits = new float[inputs.length][weights.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int k = 0; k < weights.length; k++) {
                for (int j = 0; j < inputs[i].length; j++) {
                    logits[i][k] += weights[k][j] * inputs[i][j];
                }
            }
        }
        return logits;
    }

    /** d CE / dx = W^T (softmax - onehot). */
    @Override
    public float[][] lossGradient(float[][] inputs, int[] labels) {
        float[][] logits = logits(inputs);
        float[][] gradient = new float[inputs.length][inputs[0].length];
        for (int i = 0; i < inputs.length; i++) {
            double[] p = Logits.softmax(logits[i]);
            for (int k = 0; k < weights.length; k++) {
                double coefficient = p[k] - (k == labels[i] ? 1 : 0);
                for (int j = 0; j < inputs[i].length; j++) {
                    gradient[i][j] += (float) (coefficient * weights[k][j]);
                }
            }
        }
        return gradient;
    }
}
