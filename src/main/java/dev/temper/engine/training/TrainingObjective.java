package dev.temper.engine.training;

import dev.temper.engine.model.LossOps;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What training minimises: cross-entropy on a training-only forward pass (with dropout, if any), or for
 * TRADES and MART their paired loss over clean and adversarial rows ({@link PairedRobustLoss}), plus
 * the L2 weight penalty. Dropout masks come from a stateless random op seeded per step from Java, so a
 * resumed run draws exactly the masks an uninterrupted run would. The serving logits stay dropout-free.
 */
final class TrainingObjective {

    /** Keeps the dropout masks of different layers independent within one step. */
    private static final long SITE_STRIDE = 1_000_003L;

    private final Placeholder<TInt64> dropoutSeed;
    private final boolean usesSeed;
    private final Operand<TFloat32> dataLoss;
    private final Operand<TFloat32> totalLoss;
    private final Operand<TFloat32> logits;

    TrainingObjective(ModelGraph model, RegularizationSpec regularization) {
        this(model, regularization, AdversarialSpec.none());
    }

    TrainingObjective(ModelGraph model, RegularizationSpec regularization, AdversarialSpec adversarial) {
        Ops tf = model.ops();
        LossOps serving = model.loss();
        dropoutSeed = tf.withName("dropout.seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        usesSeed = regularization.dropout() > 0;
        logits = usesSeed ? model.forward(dropout(tf, (float) (1 - regularization.dropout()))) : model.logits();
        if (adversarial.method().paired()) {
            dataLoss = PairedRobustLoss.of(tf, adversarial, logits, serving.labels());
        } else if (usesSeed) {
            Operand<TFloat32> perExample = tf.nn.softmaxCrossEntropyWithLogits(logits, serving.labels()).loss();
            dataLoss = tf.math.mean(perExample, tf.constant(0));
        } else {
            dataLoss = serving.meanLoss();
        }
        Operand<TFloat32> loss = dataLoss;
        if (regularization.weightDecay() > 0) {
            for (var entry : model.variables().entrySet()) {
                if (entry.getKey().endsWith(".w")) {
                    loss = tf.math.add(loss, tf.math.mul(tf.constant((float) regularization.weightDecay()),
                            tf.nn.l2Loss(entry.getValue())));
                }
            }
        }
        totalLoss = loss;
    }

    private UnaryOperator<Operand<TFloat32>> dropout(Ops tf, float keep) {
        long[] site = {0};
        return x -> {
            site[0]++;
            Operand<TInt64> seed = tf.math.add(dropoutSeed, tf.constant(new long[] {0, site[0] * SITE_STRIDE}));
            Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed, TFloat32.class);
            // floor(keep + u) is 1 with probability keep; no gradient flows into the mask itself.
            Operand<TFloat32> mask = tf.stopGradient(tf.math.floor(tf.math.add(uniform, tf.constant(keep))));
            return tf.math.mul(x, tf.math.mul(mask, tf.constant(1 / keep)));
        };
    }

    /**
     * Feeds this step's dropout seed; the tensor is returned for the caller to close after the run. Without
     * dropout nothing reads the seed, so nothing is fed and null is returned.
     */
    TInt64 feedSeed(Session.Runner runner, long runSeed, int step) {
        if (!usesSeed) {
            return null;
        }
        TInt64 seed = TInt64.vectorOf(runSeed, step);
        runner.feed(dropoutSeed, seed);
        return seed;
    }

    /** Data loss of the training forward pass, without the weight penalty (what gets reported). */
    Operand<TFloat32> dataLoss() {
        return dataLoss;
    }

    /** Data loss plus weight penalty: what the optimizer differentiates. */
    Operand<TFloat32> totalLoss() {
        return totalLoss;
    }

    Operand<TFloat32> logits() {
        return logits;
    }
}
