package dev.temper.engine.model;

import java.util.Arrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Conversions between Java arrays and TensorFlow tensors; callers own (and close) the tensors. */
public final class Tensors {

    private Tensors() {
    }

    public static TFloat32 matrix(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return TFloat32.tensorOf(Shape.of(rows.length, width), DataBuffers.of(flat, true, false));
    }

    public static TFloat32 oneHot(int[] labels, int classCount) {
        float[] flat = new float[labels.length * classCount];
        for (int i = 0; i < labels.length; i++) {
            flat[i * classCount + labels[i]] = 1f;
        }
        return TFloat32.tensorOf(Shape.of(labels.length, classCount), DataBuffers.of(flat, true, false));
    }

    /** One-hot targets with label smoothing: (1 - s) * one-hot + s / classCount. */
    public static TFloat32 softLabels(int[] labels, int classCount, double smoothing) {
        float off = (float) (smoothing / classCount);
        float on = (float) (1 - smoothing) + off;
        float[] flat = new float[labels.length * classCount];
        Arrays.fill(flat, off);
        for (int i = 0; i < labels.length; i++) {
            flat[i * classCount + labels[i]] = on;
        }
        return TFloat32.tensorOf(Shape.of(labels.length, classCount), DataBuffers.of(flat, true, false));
    }

    public static TFloat32 withShape(float[] flat, Shape shape) {
        return TFloat32.tensorOf(shape, DataBuffers.of(flat, true, false));
    }

    public static float[] flat(TFloat32 tensor) {
        float[] values = new float[(int) tensor.shape().size()];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    public static float[][] rows(TFloat32 tensor) {
        int rows = (int) tensor.shape().get(0);
        int width = (int) tensor.shape().get(1);
        float[] flat = flat(tensor);
        float[][] result = new float[rows][width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * width, result[i], 0, width);
        }
        return result;
    }
}
