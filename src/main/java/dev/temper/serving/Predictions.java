package dev.temper.serving;

import java.util.ArrayList;
import java.util.List;

/**
 * What the served model answered, and which version answered it.
 *
 * @param modelVersionId the version that made these predictions (during a switch, the old or the new one)
 */
public record Predictions(long modelVersionId, String model, int version, List<Prediction> predictions) {

    /** One row's answer: the likeliest class and the softmax probabilities of all classes, in class order. */
    public record Prediction(int classIndex, String label, float[] probabilities) {
    }

    static Predictions of(ServedModel model, float[][] logits) {
        List<String> classNames = model.predictor().manifest().classNames();
        List<Prediction> predictions = new ArrayList<>(logits.length);
        for (float[] row : logits) {
            float[] probabilities = softmax(row);
            int best = 0;
            for (int k = 1; k < probabilities.length; k++) {
                if (probabilities[k] > probabilities[best]) {
                    best = k;
                }
            }
            predictions.add(new Prediction(best, best < classNames.size() ? classNames.get(best) : Integer.toString(best),
                    probabilities));
        }
        return new Predictions(model.modelVersionId(), model.name(), model.version(), predictions);
    }

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] exp = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            exp[k] = Math.exp(logits[k] - max);
            sum += exp[k];
        }
        float[] probabilities = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = (float) (exp[k] / sum);
        }
        return probabilities;
    }
}
