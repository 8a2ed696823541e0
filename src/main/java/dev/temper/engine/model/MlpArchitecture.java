package dev.temper.engine.model;

import java.util.List;

/** MLP architecture: hidden layer widths; layers are named dense0, dense1, ..., head. */
public record MlpArchitecture(List<Integer> hiddenWidths) {

    public MlpArchitecture {
        if (hiddenWidths == null) {
            throw new IllegalArgumentException("hiddenWidths must not be null");
        }
        hiddenWidths = List.copyOf(hiddenWidths);
        for (Integer width : hiddenWidths) {
            if (width == null || width < 1) {
                throw new IllegalArgumentException("hiddenWidths must all be >= 1, was " + hiddenWidths);
            }
        }
    }
}
