package dev.temper.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The concrete shape of a small CNN: conv blocks (3x3 'SAME' conv + bias + ReLU + 2x2 max-pool), then
 * dense layers and the head. Inputs are flat HWC rows; the graph reshapes them into images.
 */
public record CnnLayout(int height, int width, int channels, List<Integer> convFilters, List<Integer> denseWidths,
                 int classCount) implements NetworkLayout {

    static final int KERNEL = 3;

    public CnnLayout {
        convFilters = List.copyOf(convFilters);
        denseWidths = List.copyOf(denseWidths);
    }

    @Override
    public int inputDim() {
        return height * width * channels;
    }

    /** Values per image after the last pooling ('SAME' pooling rounds odd sizes up). */
    int flattenedSize() {
        int h = height;
        int w = width;
        for (int i = 0; i < convFilters.size(); i++) {
            h = (h + 1) / 2;
            w = (w + 1) / 2;
        }
        return h * w * (convFilters.isEmpty() ? channels : convFilters.get(convFilters.size() - 1));
    }

    List<ConvLayer> convLayers() {
        List<ConvLayer> layers = new ArrayList<>();
        int inputs = channels;
        for (int i = 0; i < convFilters.size(); i++) {
            layers.add(new ConvLayer("conv" + i, inputs, convFilters.get(i)));
            inputs = convFilters.get(i);
        }
        return layers;
    }

    @Override
    public List<NetworkLayout.Layer> layers() {
        List<NetworkLayout.Layer> layers = new ArrayList<>(convLayers());
        layers.addAll(MlpLayout.DenseLayer.stack(flattenedSize(), denseWidths, classCount));
        return layers;
    }

    @Override
    public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> features,
                                     Map<String, ? extends Operand<TFloat32>> variables,
                                     UnaryOperator<Operand<TFloat32>> hiddenDropout) {
        Operand<TFloat32> x = tf.reshape(features, tf.constant(new long[] {-1, height, width, channels}));
        for (ConvLayer layer : convLayers()) {
            Operand<TFloat32> conv = tf.nn.conv2d(x, variables.get(layer.weightName()), List.of(1L, 1L, 1L, 1L),
                    "SAME");
            Operand<TFloat32> activated = tf.nn.relu(tf.nn.biasAdd(conv, variables.get(layer.biasName())));
            x = tf.nn.maxPool(activated, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}),
                    "SAME");
        }
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, flattenedSize()}));
        return MlpLayout.DenseLayer.apply(tf, MlpLayout.DenseLayer.stack(flattenedSize(), denseWidths, classCount),
                flat, variables, hiddenDropout, true);
    }

    @Override
    public CnnLayout withClassCount(int classCount) {
        return new CnnLayout(height, width, channels, convFilters, denseWidths, classCount);
    }

    @Override
    public boolean pixelInputs() {
        return true;
    }

    /** A 3x3 convolution from inputs to filters channels; weight shape [3, 3, in, out] as Conv2D wants. */
    record ConvLayer(String name, int inputs, int outputs) implements NetworkLayout.Layer {

        @Override
        public Shape weightShape() {
            return Shape.of(KERNEL, KERNEL, inputs, outputs);
        }

        @Override
        public int fanIn() {
            return KERNEL * KERNEL * inputs;
        }

        @Override
        public int fanOut() {
            return KERNEL * KERNEL * outputs;
        }
    }
}
