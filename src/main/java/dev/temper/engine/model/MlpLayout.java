package dev.temper.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The concrete shape of an MLP: input width, hidden widths and class count, as named dense layers. */
public record MlpLayout(int inputDim, List<Integer> hiddenWidths, int classCount) implements NetworkLayout {

    public MlpLayout {
        hiddenWidths = List.copyOf(hiddenWidths);
    }

    /** dense0 .. denseN-1 (ReLU) followed by the linear head that yields logits. */
    @Override
    public List<DenseLayer> layers() {
        return DenseLayer.stack(inputDim, hiddenWidths, classCount);
    }

    @Override
    public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> features,
                                     Map<String, ? extends Operand<TFloat32>> variables,
                                     UnaryOperator<Operand<TFloat32>> hiddenDropout) {
        return DenseLayer.apply(tf, layers(), features, variables, hiddenDropout, false);
    }

    @Override
    public MlpLayout withClassCount(int classCount) {
        return new MlpLayout(inputDim, hiddenWidths, classCount);
    }

    @Override
    public boolean pixelInputs() {
        return false;
    }

    /** One fully connected layer; its variables are named "name.w" and "name.b" (no '/' allowed). */
    record DenseLayer(String name, int inputs, int outputs, boolean relu) implements NetworkLayout.Layer {

        @Override
        public Shape weightShape() {
            return Shape.of(inputs, outputs);
        }

        @Override
        public int fanIn() {
            return inputs;
        }

        @Override
        public int fanOut() {
            return outputs;
        }

        /** dense0 .. denseN-1 with ReLU, then the linear head. */
        static List<DenseLayer> stack(int inputs, List<Integer> widths, int classCount) {
            List<DenseLayer> layers = new ArrayList<>();
            for (int i = 0; i < widths.size(); i++) {
                layers.add(new DenseLayer("dense" + i, inputs, widths.get(i), true));
                inputs = widths.get(i);
            }
            layers.add(new DenseLayer(NetworkLayout.HEAD, inputs, classCount, false));
            return layers;
        }

        /** Dropout goes on every layer's input, except the first when that input is raw features. */
        static Operand<TFloat32> apply(Ops tf, List<DenseLayer> layers, Operand<TFloat32> input,
                                       Map<String, ? extends Operand<TFloat32>> variables,
                                       UnaryOperator<Operand<TFloat32>> dropout, boolean dropInput) {
            Operand<TFloat32> activation = input;
            for (int i = 0; i < layers.size(); i++) {
                DenseLayer layer = layers.get(i);
                if (dropInput || i > 0) {
                    activation = dropout.apply(activation);
                }
                Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(activation, variables.get(layer.weightName())),
                        variables.get(layer.biasName()));
                activation = layer.relu() ? tf.nn.relu(z) : z;
            }
            return activation;
        }
    }
}
