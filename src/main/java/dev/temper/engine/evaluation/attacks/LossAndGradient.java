package dev.temper.engine.evaluation.attacks;

/**
 * What one forward and backward pass over a batch gives an attack: logits (to see who is fooled), each
 * example's loss and d(that example's loss)/d(its input).
 */
public record LossAndGradient(float[][] logits, float[] loss, float[][] gradient) {
}
