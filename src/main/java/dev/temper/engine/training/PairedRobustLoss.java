package dev.temper.engine.training;

import dev.temper.engine.strategy.AdversarialSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The data losses of TRADES and MART. Both read one forward pass over a batch whose first half is the clean
 * rows and whose second half their adversarial copies (row i and row n + i belong together), so the clean
 * and the adversarial predictions come from the same variables and, with dropout, from one per-step mask
 * seed. Gradients flow through both halves, as in the papers.
 */
final class PairedRobustLoss {

    /** MART's guards: log(1 - max wrong probability) and the (1 - p_y) weight never reach exactly 0. */
    private static final float MART_LOG_GUARD = 1.0001f;
    private static final float MART_WEIGHT_GUARD = 1.0000001f;

    private PairedRobustLoss() {
    }

    /**
     * Mean data loss over the pairs.
     *
     * @param logits 2n rows: clean, then adversarial
     * @param labels 2n rows of (possibly smoothed) one-hot labels; the first n are used
     */
    static Operand<TFloat32> of(Ops tf, AdversarialSpec spec, Operand<TFloat32> logits, Operand<TFloat32> labels) {
        List<Output<TFloat32>> halves = tf.split(tf.constant(0), logits, 2L).output();
        Operand<TFloat32> clean = halves.get(0);
        Operand<TFloat32> adversarial = halves.get(1);
        Operand<TFloat32> cleanLabels = tf.split(tf.constant(0), labels, 2L).output().get(0);
        Operand<TFloat32> beta = tf.constant((float) spec.beta());
        if (spec.method() == AdversarialSpec.Method.TRADES) {
            return trades(tf, clean, adversarial, cleanLabels, beta);
        }
        if (spec.method() == AdversarialSpec.Method.MART) {
            return mart(tf, clean, adversarial, cleanLabels, beta);
        }
        throw new IllegalArgumentException("no paired loss for " + spec.method());
    }

    /** CE(f(x), y) + beta * KL(p(x) || p(x')): accuracy from the clean term, smoothness from the KL. */
    private static Operand<TFloat32> trades(Ops tf, Operand<TFloat32> clean, Operand<TFloat32> adversarial,
                                            Operand<TFloat32> labels, Operand<TFloat32> beta) {
        Operand<TFloat32> crossEntropy = tf.nn.softmaxCrossEntropyWithLogits(clean, labels).loss();
        return mean(tf, tf.math.add(crossEntropy, tf.math.mul(beta, divergence(tf, clean, adversarial))));
    }

    /**
     * Boosted CE on x' (its cross-entropy plus -log(1 - the largest wrong-class probability)) plus
     * beta * KL(p(x) || p(x')) * (1 - p_y(x)): the KL counts most for examples the model gets wrong clean.
     */
    private static Operand<TFloat32> mart(Ops tf, Operand<TFloat32> clean, Operand<TFloat32> adversarial,
                                          Operand<TFloat32> labels, Operand<TFloat32> beta) {
        Operand<TInt32> classAxis = tf.constant(1);
        // Smoothed labels still have their largest value, and only there, at the true class.
        Operand<TFloat32> trueClass = tf.dtypes.cast(tf.math.equal(labels,
                tf.reduceMax(labels, classAxis, ReduceMax.keepDims(true))), TFloat32.class);
        Operand<TFloat32> adversarialProbabilities = tf.nn.softmax(adversarial);
        // The true class drops below every other probability (all >= 0), so the max is the largest wrong one.
        Operand<TFloat32> largestWrong = tf.reduceMax(tf.math.sub(adversarialProbabilities,
                tf.math.mul(tf.constant(2f), trueClass)), classAxis);
        Operand<TFloat32> boostedCrossEntropy = tf.math.sub(
                tf.nn.softmaxCrossEntropyWithLogits(adversarial, labels).loss(),
                tf.math.log(tf.math.sub(tf.constant(MART_LOG_GUARD), largestWrong)));
        Operand<TFloat32> cleanTrueProbability = tf.reduceSum(tf.math.mul(tf.nn.softmax(clean), trueClass), classAxis);
        Operand<TFloat32> weightedDivergence = tf.math.mul(divergence(tf, clean, adversarial),
                tf.math.sub(tf.constant(MART_WEIGHT_GUARD), cleanTrueProbability));
        return mean(tf, tf.math.add(boostedCrossEntropy, tf.math.mul(beta, weightedDivergence)));
    }

    /** Per-row KL(softmax(p) || softmax(q)), from log-softmax so that no probability's log is ever -inf. */
    private static Operand<TFloat32> divergence(Ops tf, Operand<TFloat32> p, Operand<TFloat32> q) {
        Operand<TFloat32> logP = tf.nn.logSoftmax(p);
        Operand<TFloat32> logQ = tf.nn.logSoftmax(q);
        return tf.reduceSum(tf.math.mul(tf.math.exp(logP), tf.math.sub(logP, logQ)), tf.constant(1));
    }

    private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> perRow) {
        return tf.math.mean(perRow, tf.constant(0));
    }
}
