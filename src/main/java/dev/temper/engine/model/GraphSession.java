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
