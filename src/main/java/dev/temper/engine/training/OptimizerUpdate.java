package dev.temper.engine.training;

import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.VariableStore;
import dev.temper.engine.strategy.OptimizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * makes schedules and resuming from a checkpoint exact. t counts per layer from the step in which the
 * layer began to train, so a layer thawed late starts with properly bias-corrected moments.
 */
final class OptimizerUpdate {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    private final OptimizerSpec spec;
    private final Placeholder<TFloat32> bodyRate;
    private final Placeholder<TFloat32> headRate;
    private final Map<String, Placeholder<TFloat32>> beta1Powers = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> beta2Powers = new LinkedHashMap<>();
    private final VariableStore slots;
    private final Map<String, List<Op>> updatesByLayer = new LinkedHashMap<>();

    OptimizerUpdate(ModelGraph model, Operand<TFloat32> loss, OptimizerSpec spec, List<String> trainableNames) {
        this.spec = spec;
        Ops tf = model.ops();
        slots = new VariableStore(tf);
        bodyRate = scalar(tf, "optimizer.learning_rate");
        headRate = scalar(tf, "optimizer.head_learning_rate");
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
            Op update = update(tf, afterGradients, trainable.get(i), name, model.shapes().get(name), rate, gradient,
                    layer);
            updatesByLayer.computeIfAbsent(layer, key -> new ArrayList<>()).add(update);
        }
    }

    private Op update(Ops tf, Ops afterGradients, Variable<TFloat32> variable, String name, Shape shape,
                      Operand<TFloat32> rate, Operand<TFloat32> gradient, String layer) {
        if (spec.kind() == OptimizerSpec.Kind.ADAM) {
            Placeholder<TFloat32> beta1Power = beta1Powers.computeIfAbsent(layer,
                    key -> scalar(tf, "optimizer." + key + ".beta1_power"));
            Placeholder<TFloat32> beta2Power = beta2Powers.computeIfAbsent(layer,
                    key -> scalar(tf, "optimizer." + key + ".beta2_power"));
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

    /**
     * Adds one step's updates of the layers that train now, and its feeds. stepsByLayer holds, for each of
     * them, the steps it has taken including this one (from 1).
     */
    StepFeeds addStep(Session.Runner runner, double rateFactor, Map<String, Integer> stepsByLayer) {
        StepFeeds feeds = new StepFeeds(new ArrayList<>());
        runner.feed(bodyRate, feeds.add(TFloat32.scalarOf((float) (spec.learningRate() * rateFactor))))
                .feed(headRate, feeds.add(TFloat32.scalarOf((float) (spec.effectiveHeadLearningRate() * rateFactor))));
        updatesByLayer.forEach((layer, ops) -> {
            Integer step = stepsByLayer.get(layer);
            if (step == null) {
                return;
            }
            ops.forEach(runner::addTarget);
            if (beta1Powers.containsKey(layer)) {
                runner.feed(beta1Powers.get(layer), feeds.add(TFloat32.scalarOf((float) Math.pow(BETA1, step))))
                        .feed(beta2Powers.get(layer), feeds.add(TFloat32.scalarOf((float) Math.pow(BETA2, step))));
            }
        });
        return feeds;
    }

    /** Scalar tensors fed for one step; closed by the caller after the run. */
    record StepFeeds(List<TFloat32> tensors) implements AutoCloseable {

        TFloat32 add(TFloat32 tensor) {
            tensors.add(tensor);
            return tensor;
        }

        @Override
        public void close() {
            tensors.forEach(TFloat32::close);
        }
    }
}
