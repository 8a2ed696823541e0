package dev.temper.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Glorot-uniform weights and zero biases drawn in Java from a seed, so a run is repeatable. */
public final class GlorotInitializer {

    private GlorotInitializer() {
    }

    public static Map<String, float[]> initialWeights(NetworkLayout layout, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (NetworkLayout.Layer layer : layout.layers()) {
            double limit = Math.sqrt(6.0 / (layer.fanIn() + layer.fanOut()));
            float[] weight = new float[(int) layer.weightShape().size()];
            for (int i = 0; i < weight.length; i++) {
                weight[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            weights.put(layer.weightName(), weight);
            weights.put(layer.biasName(), new float[layer.outputs()]);
        }
        return weights;
    }
}
