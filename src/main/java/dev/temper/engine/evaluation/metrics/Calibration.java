package dev.temper.engine.evaluation.metrics;

import dev.temper.engine.model.Classification;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected calibration error over equal-width confidence bins (confidence = top softmax probability)
 * and the reliability-diagram data behind it.
 */
public record Calibration(double expectedCalibrationError, List<ReliabilityBin> bins) {

    public static final int DEFAULT_BINS = 15;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** From per-example confidence and correctness, so that synthetic cases can be tested without logits. */
    public static Calibration of(double[] confidence, boolean[] correct, int binCount) {
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException("confidence and correct differ in length");
        }
        int[] count = new int[binCount];
        double[] confidenceSum = new double[binCount];
        int[] correctCount = new int[binCount];
        for (int i = 0; i < confidence.length; i++) {
            // Bins are (lower, upper]; a confidence of exactly 0 goes to the first bin.
            int bin = Math.min(binCount - 1, Math.max(0, (int) Math.ceil(confidence[i] * binCount) - 1));
            count[bin]++;
            confidenceSum[bin] += confidence[i];
            if (correct[i]) {
                correctCount[bin]++;
            }
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double meanConfidence = count[b] == 0 ? 0 : confidenceSum[b] / count[b];
            double accuracy = count[b] == 0 ? 0 : correctCount[b] / (double) count[b];
            bins.add(new ReliabilityBin(b / (double) binCount, (b + 1) / (double) binCount, count[b],
                    meanConfidence, accuracy));
            if (confidence.length > 0) {
                ece += count[b] / (double) confidence.length * Math.abs(accuracy - meanConfidence);
            }
        }
        return new Calibration(ece, bins);
    }

    public static Calibration of(float[][] logits, int[] labels, int binCount) {
        double[] confidence = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double[] probabilities = Logits.softmax(logits[i]);
            confidence[i] = probabilities[Classification.argMax(logits[i])];
        }
        return of(confidence, Logits.correct(logits, labels), binCount);
    }

    /** One bar of the reliability diagram; meanConfidence and accuracy are 0 for an empty bin. */
    public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }
}
