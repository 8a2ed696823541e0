package dev.temper.engine.training;

/**
 * Metrics of one finished epoch; train values average over the batches actually trained on. The learning
 * rate is the body's for this epoch (schedule applied); robust accuracy is the share of the epoch's
 * adversarial training examples classified correctly before each step, null without adversarial training.
 */
public record EpochMetrics(int epoch, int totalEpochs, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy, double learningRate,
                           Double robustAccuracy) {
}
