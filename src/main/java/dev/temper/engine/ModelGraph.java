package dev.temper.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A network's forward pass as a TensorFlow graph: input "features" (flat rows), output "logits" and one
 * named VariableV2 per weight and bias (the kind TF Java's saver writes and restores by name). Values go
 * in through per-variable assign ops, so weights come from Java and a run is repeatable from its seed.
 */
class ModelGraph implements AutoCloseable {

    static final String INPUT = "features";
    static final String OUTPUT = "logits";

    private final NetworkLayout layout;
    private final Graph graph = new Graph();
    private final Ops tf = Ops.create(graph);
    private final Placeholder<TFloat32> features;
    private final Operand<TFloat32> logits;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> assignValues = new LinkedHashMap<>();
    private final Map<String, Assign<TFloat32>> assigns = new LinkedHashMap<>();
    private LossOps loss;

    ModelGraph(NetworkLayout layout) {
        this.layout = layout;
        features = tf.withName(INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, layout.inputDim())));
        for (NetworkLayout.Layer layer : layout.layers()) {
            addVariable(layer.weightName(), layer.weightShape());
            addVariable(layer.biasName(), Shape.of(layer.outputs()));
        }
        logits = tf.withName(OUTPUT).identity(layout.forward(tf, features, variables));
    }

    private Variable<TFloat32> addVariable(String name, Shape shape) {
        Variable<TFloat32> variable = tf.withName(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> value = tf.withName(name + ".value").placeholder(TFloat32.class,
                Placeholder.shape(shape));
        variables.put(name, variable);
        shapes.put(name, shape);
        assignValues.put(name, value);
        assigns.put(name, tf.withName(name + ".assign").assign(variable, value));
        return variable;
    }

    /** Adds (once) the loss, its input gradient and the label placeholder used for training and FGSM. */
    LossOps loss() {
        if (loss == null) {
            loss = new LossOps(tf, features, logits, layout.classCount());
        }
        return loss;
    }

    /** Writes every variable; values are flat row-major arrays keyed by variable name. */
    void assign(Session session, Map<String, float[]> weights) {
        List<TFloat32> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (Map.Entry<String, Assign<TFloat32>> entry : assigns.entrySet()) {
                float[] value = weights.get(entry.getKey());
                if (value == null) {
                    throw new IllegalArgumentException("no value for variable " + entry.getKey());
                }
                TFloat32 tensor = Tensors.withShape(value, shapes.get(entry.getKey()));
                fed.add(tensor);
                runner.feed(assignValues.get(entry.getKey()), tensor).addTarget(entry.getValue());
            }
            runner.run().close();
        } finally {
            fed.forEach(TFloat32::close);
        }
    }

    /** Reads every variable back into flat row-major arrays keyed by variable name. */
    Map<String, float[]> read(Session session) {
        Session.Runner runner = session.runner();
        variables.values().forEach(runner::fetch);
        Map<String, float[]> weights = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            int index = 0;
            for (String name : variables.keySet()) {
                weights.put(name, Tensors.flat((TFloat32) result.get(index++)));
            }
        }
        return weights;
    }

    Graph graph() {
        return graph;
    }

    Ops ops() {
        return tf;
    }

    NetworkLayout layout() {
        return layout;
    }

    Placeholder<TFloat32> features() {
        return features;
    }

    Operand<TFloat32> logits() {
        return logits;
    }

    Map<String, Variable<TFloat32>> variables() {
        return Collections.unmodifiableMap(variables);
    }

    Map<String, Shape> shapes() {
        return Collections.unmodifiableMap(shapes);
    }

    @Override
    public void close() {
        graph.close();
    }
}
