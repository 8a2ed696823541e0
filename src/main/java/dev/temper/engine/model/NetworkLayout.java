package dev.temper.engine.model;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The concrete shape of a network, whatever its kind: its named layers (bottom to top, the head last)
 * and how they turn flat input rows into logits. Training, export, restore-by-name and inference only
 * see this interface, so MLP and CNN share all of them.
 */
public sealed interface NetworkLayout permits MlpLayout, CnnLayout {

    String HEAD = "head";

    /** Values per input row; images arrive flattened (row-major HWC). */
    int inputDim();

    int classCount();

    /** Trainable layers from the input up; the last one is the head. */
    List<? extends Layer> layers();

    /**
     * Builds the forward pass on flat input rows, reading each layer's variables by name; hiddenDropout
     * is applied to every input of a dense layer except the raw features (identity when serving).
     */
    Operand<TFloat32> forward(Ops tf, Operand<TFloat32> features, Map<String, ? extends Operand<TFloat32>> variables,
                              UnaryOperator<Operand<TFloat32>> hiddenDropout);

    /** The same body with a head for another class count (fine-tuning onto a new label set). */
    NetworkLayout withClassCount(int classCount);

    /** True when inputs are pixels in [0, 1]: adversarial and augmented examples are clipped to it. */
    boolean pixelInputs();

    /** One layer with a weight "name.w" and a bias "name.b" (TF Java's saver refuses '/' in names). */
    interface Layer {

        String name();

        Shape weightShape();

        int outputs();

        /** Inputs and outputs seen by one unit, for Glorot initialisation. */
        int fanIn();

        int fanOut();

        default String weightName() {
            return name() + ".w";
        }

        default String biasName() {
            return name() + ".b";
        }
    }
}
