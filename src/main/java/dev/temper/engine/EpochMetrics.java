package dev.temper.engine;

/** Metrics of one finished epoch; train values average over the batches actually trained on. */
public record EpochMetrics(int epoch, int totalEpochs, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy) {
}
