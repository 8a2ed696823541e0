package dev.temper.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam or SGD (with momentum) over the variables that may train in this run. A frozen layer's update op
 * is simply not run (or not even built), so its weights stay bit-identical. The learning rates (one for
 * the body, one for the head) and Adam's bias-correction powers beta^t are fed per step from Java, which
 * makes schedules and resuming from a checkpoint exact.
 */
final class OptimizerUpdate {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    private final OptimizerSpec spec;
    private final Placeholder<TFloat32> bodyRate;
    private final Placeholder<TFloat32> headRate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final VariableStore slots;
    private final Map<String, List<Op>> updatesByLayer = new LinkedHashMap<>();

    OptimizerUpdate(ModelGraph model, Operand<TFloat32> loss, OptimizerSpec spec, List<String> trainableNames) {
        this.spec = spec;
        Ops tf = model.ops();
        slots = new VariableStore(tf);
        bodyRate = scalar(tf, "optimizer.learning_rate");
        headRate = scalar(tf, "optimizer.head_learning_rate");
        beta1Power = scalar(tf, "optimizer.beta1_power");
        beta2Power = scalar(tf, "optimizer.beta2_power");
        if (trainableNames.isEmpty()) {
            return;
        }
        List<Variable<TFloat32>> trainable = trainableNames.stream().map(model.variables()::get).toList();
        List<Op> gradients = new ArrayList<>(tf.gradients(loss, trainable).dy());
        // Updates modify the variables in place (VariableV2 refs). Without this barrier an update could
        // overwrite a weight while backpropagation into an earlier layer still reads it, which made runs
        // with the same seed differ in the last bits.
        Ops afterGradients = tf.withControlDependencies(gradients);
        for (int i = 0; i < trainable.size(); i++) {
            String name = trainableNames.get(i);
            @SuppressWarnings("unchecked")
            Operand<TFloat32> gradient = (Operand<TFloat32>) gradients.get(i);
            String layer = name.substring(0, name.indexOf('.'));
            Placeholder<TFloat32> rate = NetworkLayout.HEAD.equals(layer) ? headRate : bodyRate;
            Op update = update(tf, afterGradients, trainable.get(i), name, model.shapes().get(name), rate, gradient);
            updatesByLayer.computeIfAbsent(layer, key -> new ArrayList<>()).add(update);
        }
    }

    private Op update(Ops tf, Ops afterGradients, Variable<TFloat32> variable, String name, Shape shape,
                      Operand<TFloat32> rate, Operand<TFloat32> gradient) {
        if (spec.kind() == OptimizerSpec.Kind.ADAM) {
            return afterGradients.train.applyAdam(variable, slots.add(name + ".adam_m", shape),
                    slots.add(name + ".adam_v", shape), beta1Power, beta2Power, rate, tf.constant(BETA1),
                    tf.constant(BETA2), tf.constant(EPSILON), gradient);
        }
        if (spec.momentum() > 0) {
            return afterGradients.train.applyMomentum(variable, slots.add(name + ".momentum", shape), rate, gradient,
                    tf.constant((float) spec.momentum()));
        }
        return afterGradients.train.applyGradientDescent(variable, rate, gradient);
    }

    private static Placeholder<TFloat32> scalar(Ops tf, String name) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    /** Zeroes the moment estimates; must run once before the first step of a fresh run. */
    void reset(Session session) {
        slots.zero(session);
    }

    Map<String, float[]> readState(Session session) {
        return slots.read(session);
    }

    void writeState(Session session, Map<String, float[]> state) {
        slots.assign(session, state);
    }

    /** Adds one step's updates of the given layers and its feeds; step counts from 1 over the whole run. */
    StepFeeds addStep(Session.Runner runner, double rateFactor, int step, Set<String> trainableLayers) {
        StepFeeds feeds = new StepFeeds(TFloat32.scalarOf((float) (spec.learningRate() * rateFactor)),
                TFloat32.scalarOf((float) (spec.effectiveHeadLearningRate() * rateFactor)),
                TFloat32.scalarOf((float) Math.pow(BETA1, step)), TFloat32.scalarOf((float) Math.pow(BETA2, step)));
        runner.feed(bodyRate, feeds.body()).feed(headRate, feeds.head()).feed(beta1Power, feeds.beta1())
                .feed(beta2Power, feeds.beta2());
        updatesByLayer.forEach((layer, ops) -> {
            if (trainableLayers.contains(layer)) {
                ops.forEach(runner::addTarget);
            }
        });
        return feeds;
    }

    /** Scalar tensors fed for one step; closed by the caller after the run. */
    record StepFeeds(TFloat32 body, TFloat32 head, TFloat32 beta1, TFloat32 beta2) implements AutoCloseable {
        @Override
        public void close() {
            body.close();
            head.close();
            beta1.close();
            beta2.close();
        }
    }
}
