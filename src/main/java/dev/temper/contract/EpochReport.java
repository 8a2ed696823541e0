package dev.temper.contract;

public record EpochReport(int epoch, int totalEpochs, double trainLoss, double trainAccuracy,
        double validationLoss, double validationAccuracy) {
}
