package dev.temper.engine.evaluation.metrics;

import dev.temper.engine.model.Classification;

/** Pure-Java helpers over rows of logits: predictions, correctness and numerically stable softmax. */
public final class Logits {

    private Logits() {
    }

    public static int[] predictions(float[][] logits) {
        int[] predicted = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            predicted[i] = Classification.argMax(logits[i]);
        }
        return predicted;
    }

    /** Per example: is the predicted class the label? */
    public static boolean[] correct(float[][] logits, int[] labels) {
        boolean[] correct = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            correct[i] = Classification.argMax(logits[i]) == labels[i];
        }
        return correct;
    }

    /** Softmax in double precision, shifted by the row maximum so large logits do not overflow. */
    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float value : logits) {
            max = Math.max(max, value);
        }
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    /** -log softmax(logits)[label] computed as logSumExp - logit, exact even when the probability underflows. */
    public static double negativeLogLikelihood(float[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (float value : logits) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (float value : logits) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum) - logits[label];
    }
}
