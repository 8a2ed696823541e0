package dev.temper.engine.strategy;

/**
 * How weights are updated.
 *
 * @param kind ADAM (beta1 0.9, beta2 0.999) or SGD (with optional momentum)
 * @param learningRate base learning rate (> 0), scaled per epoch by the schedule
 * @param momentum SGD momentum in [0, 1); 0 = plain gradient descent; ignored by Adam
 * @param headLearningRate learning rate of the head layer (discriminative learning rates); 0 = same as learningRate
 */
public record OptimizerSpec(Kind kind, double learningRate, double momentum, double headLearningRate) {

    /** Update rule. */
    public enum Kind { ADAM, SGD }

    public OptimizerSpec {
        SpecChecks.notNull(kind, "kind");
        SpecChecks.positive(learningRate, "learningRate");
        SpecChecks.atMost(learningRate, Limits.MAX_LEARNING_RATE, "learningRate");
        SpecChecks.fraction(momentum, "momentum");
        SpecChecks.nonNegative(headLearningRate, "headLearningRate");
        SpecChecks.atMost(headLearningRate, Limits.MAX_LEARNING_RATE, "headLearningRate");
    }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(Kind.ADAM, learningRate, 0, 0);
    }

    public static OptimizerSpec sgd(double learningRate, double momentum) {
        return new OptimizerSpec(Kind.SGD, learningRate, momentum, 0);
    }

    public OptimizerSpec withHeadLearningRate(double rate) {
        return new OptimizerSpec(kind, learningRate, momentum, rate);
    }

    /** The head's base rate: its own when set, else the body's. */
    public double effectiveHeadLearningRate() {
        return headLearningRate > 0 ? headLearningRate : learningRate;
    }
}
