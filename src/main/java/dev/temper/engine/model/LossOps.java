package dev.temper.engine.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Mean softmax cross-entropy against one-hot labels, and the sign of its gradient with respect to the
 * input features: the direction in which FGSM moves each example.
 */
public final class LossOps {

    private final Placeholder<TFloat32> labels;
    private final Operand<TFloat32> meanLoss;
    private final Operand<TFloat32> inputGradientSign;

    LossOps(Ops tf, Operand<TFloat32> features, Operand<TFloat32> logits, int classCount) {
        labels = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classCount)));
        Operand<TFloat32> perExample = tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
        meanLoss = tf.withName("loss").math.mean(perExample, tf.constant(0));
        Operand<TFloat32> inputGradient = tf.gradients(meanLoss, List.of(features)).dy(0);
        inputGradientSign = tf.withName("input_gradient_sign").math.sign(inputGradient);
    }

    public Placeholder<TFloat32> labels() {
        return labels;
    }

    public Operand<TFloat32> meanLoss() {
        return meanLoss;
    }

    Operand<TFloat32> inputGradientSign() {
        return inputGradientSign;
    }
}
