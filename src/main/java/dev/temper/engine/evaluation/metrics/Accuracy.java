package dev.temper.engine.evaluation.metrics;

/** A fraction of correctly handled examples with its 95% Wilson interval. */
public record Accuracy(int correct, int examples, double value, WilsonInterval ci95) {

    public static Accuracy of(int correct, int examples) {
        double value = examples == 0 ? Double.NaN : correct / (double) examples;
        return new Accuracy(correct, examples, value, WilsonInterval.of95(correct, examples));
    }

    /** Counts the true entries of a per-example outcome. */
    public static Accuracy of(boolean[] correctPerExample) {
        int correct = 0;
        for (boolean ok : correctPerExample) {
            if (ok) {
                correct++;
            }
        }
        return of(correct, correctPerExample.length);
    }
}
