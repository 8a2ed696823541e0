package dev.temper.serving;

import dev.temper.engine.serving.ClassProbabilities;
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
            ClassProbabilities answer = ClassProbabilities.of(row);
            int best = answer.classIndex();
            predictions.add(new Prediction(best, best < classNames.size() ? classNames.get(best) : Integer.toString(best),
                    answer.probabilities()));
        }
        return new Predictions(model.modelVersionId(), model.name(), model.version(), predictions);
    }
}
