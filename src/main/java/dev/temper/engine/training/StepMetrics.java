package dev.temper.engine.training;

/** One optimizer step: the batch's loss and accuracy before the update, and the body's learning rate. */
public record StepMetrics(int step, int epoch, double loss, double accuracy, double learningRate) {
}
