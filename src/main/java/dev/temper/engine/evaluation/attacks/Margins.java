package dev.temper.engine.evaluation.attacks;

/**
 * Classification margin: logit of the true class minus the best other logit. Negative means fooled.
 * Attacks minimise it; it needs logits only, which is what makes a gradient-free attack possible.
 */
final class Margins {

    private Margins() {
    }

    static double margin(float[] logits, int label) {
        double bestOther = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            if (k != label) {
                bestOther = Math.max(bestOther, logits[k]);
            }
        }
        return logits[label] - bestOther;
    }

    static double[] margins(float[][] logits, int[] labels) {
        double[] margins = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            margins[i] = margin(logits[i], labels[i]);
        }
        return margins;
    }
}
