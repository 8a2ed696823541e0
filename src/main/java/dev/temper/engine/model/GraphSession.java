package dev.temper.engine.model;

import java.util.Arrays;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Forward pass, loss and FGSM direction of a {@link ModelGraph} in a session, for features that are
 * already standardized. Every fed tensor and every result is closed before returning.
 */
public final class GraphSession {

    /** Rows per session run when a whole data set is passed through; bounds native memory. */
    public static final int CHUNK = 1024;

    private final ModelGraph model;
    private final Session session;

    public GraphSession(ModelGraph model, Session session) {
        this.model = model;
        this.session = session;
    }

    public float[][] logits(float[][] features) {
        float[][] all = new float[features.length][];
        for (int start = 0; start < features.length; start += CHUNK) {
            float[][] chunk = Arrays.copyOfRange(features, start, Math.min(features.length, start + CHUNK));
            try (TFloat32 x = Tensors.matrix(chunk, model.layout().inputDim());
                 Result result = session.runner().feed(model.features(), x).fetch(model.logits()).run()) {
                System.arraycopy(Tensors.rows((TFloat32) result.get(0)), 0, all, start, chunk.length);
            }
        }
        return all;
    }

    /** Sign of d(loss)/d(features) per example: FGSM's step direction. */
    public float[][] inputGradientSign(float[][] features, int[] labels) {
        LossOps loss = model.loss();
        try (TFloat32 x = Tensors.matrix(features, model.layout().inputDim());
             TFloat32 y = Tensors.oneHot(labels, model.layout().classCount());
             Result result = session.runner().feed(model.features(), x).feed(loss.labels(), y)
                     .fetch(loss.inputGradientSign()).run()) {
            // The gradient of a mean is scaled by 1/n; the sign is unaffected by that.
            return Tensors.rows((TFloat32) result.get(0));
        }
    }

    /**
     * Sign of d KL(target || softmax(f(features))) / d(features) per example: TRADES' inner step direction.
     * The loss graph's cross-entropy against a soft target is that KL plus the target's entropy, which does
     * not depend on the features, so feeding the clean probabilities as labels gives exactly the KL's gradient
     * without a second gradient graph (and without log(0) for a target probability that underflowed to 0).
     */
    public float[][] divergenceGradientSign(float[][] features, float[][] targetProbabilities) {
        LossOps loss = model.loss();
        try (TFloat32 x = Tensors.matrix(features, model.layout().inputDim());
             TFloat32 target = Tensors.matrix(targetProbabilities, model.layout().classCount());
             Result result = session.runner().feed(model.features(), x).feed(loss.labels(), target)
                     .fetch(loss.inputGradientSign()).run()) {
            return Tensors.rows((TFloat32) result.get(0));
        }
    }

    /** Softmax of the serving logits (no dropout), row by row. */
    public float[][] probabilities(float[][] features) {
        float[][] rows = logits(features);
        for (float[] row : rows) {
            float max = Float.NEGATIVE_INFINITY;
            for (float value : row) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) Math.exp(row[k] - max);
                sum += row[k];
            }
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) (row[k] / sum);
            }
        }
        return rows;
    }

    /** Mean loss and accuracy over a data set, computed in chunks. */
    public LossAndAccuracy measure(float[][] features, int[] labels) {
        if (labels.length == 0) {
            return new LossAndAccuracy(Double.NaN, Double.NaN);
        }
        LossOps loss = model.loss();
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < labels.length; start += CHUNK) {
            int end = Math.min(labels.length, start + CHUNK);
            float[][] chunk = Arrays.copyOfRange(features, start, end);
            int[] chunkLabels = Arrays.copyOfRange(labels, start, end);
            try (TFloat32 x = Tensors.matrix(chunk, model.layout().inputDim());
                 TFloat32 y = Tensors.oneHot(chunkLabels, model.layout().classCount());
                 Result result = session.runner().feed(model.features(), x).feed(loss.labels(), y)
                         .fetch(loss.meanLoss()).fetch(model.logits()).run()) {
                lossSum += ((TFloat32) result.get(0)).getFloat() * (double) chunk.length;
                correct += Classification.correct(Tensors.rows((TFloat32) result.get(1)), chunkLabels);
            }
        }
        return new LossAndAccuracy(lossSum / labels.length, correct / (double) labels.length);
    }

    public record LossAndAccuracy(double loss, double accuracy) {
    }
}
