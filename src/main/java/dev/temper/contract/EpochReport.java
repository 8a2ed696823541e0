package dev.temper.contract;

/**
 * A finished epoch as a worker reports it. Learning rate and robust accuracy (on the epoch's adversarial
 * training examples) may be null: evaluation-only workers and runs without adversarial training have none.
 */
public record EpochReport(int epoch, int totalEpochs, double trainLoss, double trainAccuracy,
        double validationLoss, double validationAccuracy, Double learningRate, Double robustAccuracy) {
}
