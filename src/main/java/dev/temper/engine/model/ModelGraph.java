package dev.temper.engine.model;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A network's forward pass as a TensorFlow graph: input "features" (flat rows), output "logits" and one
 * named VariableV2 per weight and bias (the kind TF Java's saver writes and restores by name). Values go
 * in through per-variable assign ops, so weights come from Java and a run is repeatable from its seed.
 */
public class ModelGraph implements AutoCloseable {

    public static final String INPUT = "features";
    public static final String OUTPUT = "logits";

    private final NetworkLayout layout;
    private final Graph graph = new Graph();
    private final Ops tf = Ops.create(graph);
    private final VariableStore weights = new VariableStore(tf);
    private final Placeholder<TFloat32> features;
    private final Operand<TFloat32> logits;
    private LossOps loss;

    public ModelGraph(NetworkLayout layout) {
        this.layout = layout;
        features = tf.withName(INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, layout.inputDim())));
        for (NetworkLayout.Layer layer : layout.layers()) {
            weights.add(layer.weightName(), layer.weightShape());
            weights.add(layer.biasName(), Shape.of(layer.outputs()));
        }
        logits = tf.withName(OUTPUT).identity(forward(UnaryOperator.identity()));
    }

    /** Another forward pass over the same variables, e.g. with dropout for training only. */
    public Operand<TFloat32> forward(UnaryOperator<Operand<TFloat32>> hiddenDropout) {
        return layout.forward(tf, features, weights.variables(), hiddenDropout);
    }

    /** Adds (once) the loss, its input gradient and the label placeholder used for training and FGSM. */
    public LossOps loss() {
        if (loss == null) {
            loss = new LossOps(tf, features, logits, layout.classCount());
        }
        return loss;
    }

    /** Writes every weight; values are flat row-major arrays keyed by variable name. */
    public void assign(Session session, Map<String, float[]> values) {
        weights.assign(session, values);
    }

    /** Reads every weight back into flat row-major arrays keyed by variable name. */
    public Map<String, float[]> read(Session session) {
        return weights.read(session);
    }

    public Graph graph() {
        return graph;
    }

    public Ops ops() {
        return tf;
    }

    public NetworkLayout layout() {
        return layout;
    }

    public Placeholder<TFloat32> features() {
        return features;
    }

    public Operand<TFloat32> logits() {
        return logits;
    }

    public Map<String, Variable<TFloat32>> variables() {
        return weights.variables();
    }

    public Map<String, Shape> shapes() {
        return weights.shapes();
    }

    @Override
    public void close() {
        graph.close();
    }
}
