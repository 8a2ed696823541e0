package dev.temper.engine.evaluation.attacks;

/** Anything that maps rows of model inputs to rows of logits: DJL's predictor, a graph session, a test double. */
@FunctionalInterface
public interface Classifier {

    float[][] logits(float[][] inputs);
}
