package dev.temper.engine.evaluation.metrics;

import java.util.ArrayList;
import java.util.List;

/** Counts[true class][predicted class], with per-class precision, recall and F1 derived from it. */
public record ConfusionMatrix(int[][] counts) {

    public static ConfusionMatrix of(int[] labels, int[] predicted, int classCount) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, predicted " + predicted.length);
        }
        int[][] counts = new int[classCount][classCount];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** One entry per class. A metric whose denominator is zero is reported as 0, as scikit-learn does by default. */
    public List<ClassMetrics> perClass() {
        int classes = counts.length;
        List<ClassMetrics> result = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            int truePositives = counts[c][c];
            int support = 0;
            int predictedAsC = 0;
            for (int k = 0; k < classes; k++) {
                support += counts[c][k];
                predictedAsC += counts[k][c];
            }
            double precision = ratio(truePositives, predictedAsC);
            double recall = ratio(truePositives, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.add(new ClassMetrics(c, support, precision, recall, f1));
        }
        return result;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }

    /** Precision, recall and F1 of one class; support is its number of true examples. */
    public record ClassMetrics(int classIndex, int support, double precision, double recall, double f1) {
    }
}
