package dev.temper.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Named float variables of one graph with an assign op each, so that all their values can be written
 * from and read back into Java (initial weights, restore by name, optimizer state in checkpoints).
 */
public final class VariableStore {

    private final Ops tf;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> assignValues = new LinkedHashMap<>();
    private final Map<String, Assign<TFloat32>> assigns = new LinkedHashMap<>();

    public VariableStore(Ops tf) {
        this.tf = tf;
    }

    public Variable<TFloat32> add(String name, Shape shape) {
        Variable<TFloat32> variable = tf.withName(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> value = tf.withName(name + ".value").placeholder(TFloat32.class,
                Placeholder.shape(shape));
        variables.put(name, variable);
        shapes.put(name, shape);
        assignValues.put(name, value);
        assigns.put(name, tf.withName(name + ".assign").assign(variable, value));
        return variable;
    }

    /** Writes every variable; values are flat row-major arrays keyed by variable name. */
    public void assign(Session session, Map<String, float[]> values) {
        if (assigns.isEmpty()) {
            return;
        }
        List<TFloat32> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (Map.Entry<String, Assign<TFloat32>> entry : assigns.entrySet()) {
                float[] value = values.get(entry.getKey());
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

    /** Sets every variable to zero (fresh optimizer state). */
    public void zero(Session session) {
        Map<String, float[]> zeros = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> zeros.put(name, new float[(int) shape.size()]));
        assign(session, zeros);
    }

    /** Reads every variable back into flat row-major arrays keyed by variable name. */
    public Map<String, float[]> read(Session session) {
        Map<String, float[]> values = new LinkedHashMap<>();
        if (variables.isEmpty()) {
            return values;
        }
        Session.Runner runner = session.runner();
        variables.values().forEach(runner::fetch);
        try (Result result = runner.run()) {
            int index = 0;
            for (String name : variables.keySet()) {
                values.put(name, Tensors.flat((TFloat32) result.get(index++)));
            }
        }
        return values;
    }

    Map<String, Variable<TFloat32>> variables() {
        return Collections.unmodifiableMap(variables);
    }

    Map<String, Shape> shapes() {
        return Collections.unmodifiableMap(shapes);
    }
}
