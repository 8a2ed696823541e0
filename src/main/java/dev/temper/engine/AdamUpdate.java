package dev.temper.engine;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam over an explicit list of variables. Variables left out of the list (frozen layers) get no
 * gradient and no update at all, so their weights stay bit-identical. Learning rate and the bias
 * correction powers beta^t are fed per step from Java.
 */
final class AdamUpdate {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final List<Op> updates = new ArrayList<>();
    private final List<Op> slotResets = new ArrayList<>();

    AdamUpdate(ModelGraph model, Operand<TFloat32> loss, List<String> trainableNames) {
        Ops tf = model.ops();
        learningRate = tf.withName("adam.learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.withName("adam.beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("adam.beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        List<Variable<TFloat32>> trainable = trainableNames.stream().map(model.variables()::get).toList();
        List<Op> gradients = new ArrayList<>(tf.gradients(loss, trainable).dy());
        // Updates modify the variables in place (VariableV2 refs). Without this barrier an update could
        // overwrite a weight while backpropagation into an earlier layer still reads it, which made runs
        // with the same seed differ in the last bits.
        Ops afterGradients = tf.withControlDependencies(gradients);
        for (int i = 0; i < trainable.size(); i++) {
            String name = trainableNames.get(i);
            Shape shape = model.shapes().get(name);
            Variable<TFloat32> m = slot(tf, name + ".adam_m", shape);
            Variable<TFloat32> v = slot(tf, name + ".adam_v", shape);
            @SuppressWarnings("unchecked")
            Operand<TFloat32> gradient = (Operand<TFloat32>) gradients.get(i);
            updates.add(afterGradients.train.applyAdam(trainable.get(i), m, v, beta1Power, beta2Power, learningRate,
                    tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), gradient));
        }
    }

    private Variable<TFloat32> slot(Ops tf, String name, Shape shape) {
        Variable<TFloat32> slot = tf.withName(name).variable(shape, TFloat32.class);
        slotResets.add(tf.assign(slot, tf.zeros(tf.constant(shape), TFloat32.class)));
        return slot;
    }

    /** Zeroes the moment estimates; must run once before the first step. */
    void reset(Session session) {
        if (!slotResets.isEmpty()) {
            Session.Runner runner = session.runner();
            slotResets.forEach(runner::addTarget);
            runner.run().close();
        }
    }

    /** Adds this step's update ops and feeds to a runner; step counts from 1. */
    StepFeeds addStep(Session.Runner runner, double rate, int step) {
        StepFeeds feeds = new StepFeeds(TFloat32.scalarOf((float) rate),
                TFloat32.scalarOf((float) Math.pow(BETA1, step)), TFloat32.scalarOf((float) Math.pow(BETA2, step)));
        runner.feed(learningRate, feeds.rate()).feed(beta1Power, feeds.beta1()).feed(beta2Power, feeds.beta2());
        updates.forEach(runner::addTarget);
        return feeds;
    }

    /** Scalar tensors fed for one step; closed by the caller after the run. */
    record StepFeeds(TFloat32 rate, TFloat32 beta1, TFloat32 beta2) implements AutoCloseable {
        @Override
        public void close() {
            rate.close();
            beta1.close();
            beta2.close();
        }
    }
}
