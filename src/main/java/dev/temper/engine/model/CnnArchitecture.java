package dev.temper.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * Small CNN for images given as flat rows of height*width*channels floats in [0, 1] (row-major HWC).
 * Layers are named conv0, conv1, ..., dense0, ..., head.
 *
 * @param height image height in pixels (e.g. 28)
 * @param width image width in pixels (e.g. 28)
 * @param channels colour channels (1 for grey, 3 for RGB)
 * @param convFilters filter count per conv block (3x3 'SAME' conv + ReLU + 2x2 max-pool), e.g. [16, 32]
 * @param denseWidths widths of the ReLU dense layers between the conv blocks and the head, e.g. [64]
 */
public record CnnArchitecture(int height, int width, int channels, List<Integer> convFilters,
                              List<Integer> denseWidths) {

    public CnnArchitecture {
        require(height >= 1, "height must be >= 1, was " + height);
        require(width >= 1, "width must be >= 1, was " + width);
        require(channels >= 1, "channels must be >= 1, was " + channels);
        require(convFilters != null && !convFilters.isEmpty(), "convFilters must name at least one block");
        require(denseWidths != null, "denseWidths must not be null");
        require(convFilters.stream().noneMatch(Objects::isNull), "convFilters must not contain null");
        require(denseWidths.stream().noneMatch(Objects::isNull), "denseWidths must not contain null");
        convFilters = List.copyOf(convFilters);
        denseWidths = List.copyOf(denseWidths);
        require(convFilters.stream().allMatch(f -> f >= 1), "convFilters must all be >= 1, was " + convFilters);
        require(denseWidths.stream().allMatch(w -> w >= 1), "denseWidths must all be >= 1, was " + denseWidths);
    }

    /** Values per input row: height * width * channels. */
    public int inputDim() {
        return height * width * channels;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
