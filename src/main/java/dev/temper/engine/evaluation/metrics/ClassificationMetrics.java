package dev.temper.engine.evaluation.metrics;

import java.util.List;

/** Everything measured from one set of clean predictions: accuracy, per-class scores, confusion, NLL and calibration. */
public record ClassificationMetrics(Accuracy accuracy, List<ConfusionMatrix.ClassMetrics> perClass,
                                    ConfusionMatrix confusion, double meanNegativeLogLikelihood,
                                    Calibration calibration) {

    public ClassificationMetrics {
        perClass = List.copyOf(perClass);
    }

    public static ClassificationMetrics of(float[][] logits, int[] labels, int classCount) {
        if (logits.length != labels.length) {
            throw new IllegalArgumentException("logits has " + logits.length + " rows, labels " + labels.length);
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, Logits.predictions(logits), classCount);
        double nll = 0;
        for (int i = 0; i < labels.length; i++) {
            nll += Logits.negativeLogLikelihood(logits[i], labels[i]);
        }
        return new ClassificationMetrics(Accuracy.of(Logits.correct(logits, labels)), confusion.perClass(),
                confusion, labels.length == 0 ? Double.NaN : nll / labels.length,
                Calibration.of(logits, labels, Calibration.DEFAULT_BINS));
    }
}
