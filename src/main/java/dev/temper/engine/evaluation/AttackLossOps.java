package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackLoss;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One attack loss added to a model's graph: per-example loss, and the input gradient of their sum (each
 * example's loss depends only on its own row, so row i of that gradient is example i's own gradient).
 *
 * <p>The DLR losses need the sorted logits. Which class is first, third or fourth is found on a
 * gradient-stopped copy and turned into one-hot masks; the loss then reads the logits through the masks,
 * so the backward pass only meets multiplications and sums (TopK and OneHot have no gradient here).
 */
final class AttackLossOps {

    private final Operand<TFloat32> perExample;
    private final Operand<TFloat32> inputGradient;

    /**
     * @param labels  one-hot true classes, [n, classes]
     * @param targets one-hot target classes, [n, classes]; read only by the targeted loss
     */
    AttackLossOps(Ops tf, AttackLoss loss, Operand<TFloat32> features, Operand<TFloat32> logits,
                  Placeholder<TFloat32> labels, Placeholder<TFloat32> targets, int classCount) {
        perExample = switch (loss.effectiveFor(classCount)) {
            case CROSS_ENTROPY -> tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
            case DLR -> dlr(tf, logits, labels, classCount);
            case DLR_TARGETED -> dlrTargeted(tf, logits, labels, targets, classCount);
        };
        inputGradient = tf.gradients(tf.reduceSum(perExample, tf.constant(0)), List.of(features)).dy(0);
    }

    static Placeholder<TFloat32> classPlaceholder(Ops tf, String name, int classCount) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classCount)));
    }

    Operand<TFloat32> perExample() {
        return perExample;
    }

    Operand<TFloat32> inputGradient() {
        return inputGradient;
    }

    /** -(z_y - max_{i != y} z_i) / (z_pi1 - z_pi3 + 1e-12). */
    private static Operand<TFloat32> dlr(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels, int classCount) {
        Operand<TFloat32> stopped = tf.stopGradient(logits);
        // The true class pushed far down so that the arg max is the best other class.
        Operand<TFloat32> othersOnly = tf.math.sub(stopped, tf.math.mul(labels, tf.constant(1e9f)));
        Operand<TFloat32> bestOther = pick(tf, logits, oneHot(tf, tf.math.argMax(othersOnly, tf.constant(1),
                TInt32.class), classCount));
        Operand<TFloat32> gap = tf.math.sub(pick(tf, logits, labels), bestOther);
        return tf.math.neg(tf.math.div(gap, tf.math.add(scale(tf, logits, stopped, classCount, false),
                tf.constant((float) AttackLoss.DLR_STABILITY))));
    }

    /** -(z_y - z_t) / (z_pi1 - (z_pi3 + z_pi4) / 2 + 1e-12); with 3 classes see {@link #scale}. */
    private static Operand<TFloat32> dlrTargeted(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels,
                                                 Operand<TFloat32> targets, int classCount) {
        Operand<TFloat32> stopped = tf.stopGradient(logits);
        Operand<TFloat32> gap = tf.math.sub(pick(tf, logits, labels), pick(tf, logits, targets));
        return tf.math.neg(tf.math.div(gap, tf.math.add(scale(tf, logits, stopped, classCount, true),
                tf.constant((float) AttackLoss.DLR_STABILITY))));
    }

    /**
     * Untargeted: z_pi1 - z_pi3. Targeted: z_pi1 - (z_pi3 + z_pi4) / 2, or with only 3 classes
     * z_pi1 - (z_pi2 + z_pi3) / 2 (z_pi1 - z_pi3 would equal the numerator whenever y and t are the first and
     * third class, making the loss a constant -1 with no gradient).
     */
    private static Operand<TFloat32> scale(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> stopped, int classCount,
                                           boolean targeted) {
        int k = targeted && classCount >= 4 ? 4 : 3;
        Operand<TInt32> order = tf.nn.topK(stopped, tf.constant(k), new TopK.Options[0]).indices();
        Operand<TFloat32> first = pick(tf, logits, rank(tf, order, 0, classCount));
        Operand<TFloat32> third = pick(tf, logits, rank(tf, order, 2, classCount));
        if (!targeted) {
            return tf.math.sub(first, third);
        }
        Operand<TFloat32> other = pick(tf, logits, rank(tf, order, k == 4 ? 3 : 1, classCount));
        return tf.math.sub(first, tf.math.mul(tf.math.add(third, other), tf.constant(0.5f)));
    }

    /** One-hot mask of the class at sorted position {@code position}. */
    private static Operand<TFloat32> rank(Ops tf, Operand<TInt32> order, int position, int classCount) {
        return oneHot(tf, tf.gather(order, tf.constant(position), tf.constant(1)), classCount);
    }

    private static Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> classes, int classCount) {
        return tf.stopGradient(tf.oneHot(classes, tf.constant(classCount), tf.constant(1f), tf.constant(0f)));
    }

    /** Per row, the logit a one-hot mask selects. */
    private static Operand<TFloat32> pick(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> mask) {
        return tf.reduceSum(tf.math.mul(logits, mask), tf.constant(1));
    }
}
