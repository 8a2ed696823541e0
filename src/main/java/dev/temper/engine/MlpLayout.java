package dev.temper.engine;

import java.util.ArrayList;
import java.util.List;

/** The concrete shape of an MLP: input width, hidden widths and class count, as named dense layers. */
record MlpLayout(int inputDim, List<Integer> hiddenWidths, int classCount) {

    static final String HEAD = "head";

    MlpLayout {
        hiddenWidths = List.copyOf(hiddenWidths);
    }

    /** dense0 .. denseN-1 (ReLU) followed by the linear head that yields logits. */
    List<DenseLayer> layers() {
        List<DenseLayer> layers = new ArrayList<>();
        int inputs = inputDim;
        for (int i = 0; i < hiddenWidths.size(); i++) {
            layers.add(new DenseLayer("dense" + i, inputs, hiddenWidths.get(i), true));
            inputs = hiddenWidths.get(i);
        }
        layers.add(new DenseLayer(HEAD, inputs, classCount, false));
        return layers;
    }

    /** One fully connected layer; its variables are named "name.w" and "name.b" (no '/' allowed). */
    record DenseLayer(String name, int inputs, int outputs, boolean relu) {

        String weightName() {
            return name + ".w";
        }

        String biasName() {
            return name + ".b";
        }
    }
}
