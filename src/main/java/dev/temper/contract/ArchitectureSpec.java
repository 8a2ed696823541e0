package dev.temper.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The network to pre-train: an MLP for tabular rows, or a small CNN for images stored as rows of
 * height x width x channels pixel values in [0, 1]. Fine-tuned models keep their base's architecture.
 *
 * @param type MLP or CNN
 * @param hiddenWidths MLP: widths of the hidden layers dense0, dense1, ...
 * @param height CNN: image height in pixels
 * @param width CNN: image width in pixels
 * @param channels CNN: 1 for grey, 3 for colour
 * @param convFilters CNN: filters of the conv blocks conv0, conv1, ... (3x3 conv, ReLU, 2x2 max-pool)
 * @param denseWidths CNN: widths of the dense layers after the conv blocks
 */
public record ArchitectureSpec(Type type, List<Integer> hiddenWidths, Integer height, Integer width,
        Integer channels, List<Integer> convFilters, List<Integer> denseWidths) {

    public enum Type { MLP, CNN }

    public static final int MAX_WIDTH = 4096;
    public static final int MAX_LAYERS = 8;

    public ArchitectureSpec {
        if (type == null) {
            throw new IllegalArgumentException("architecture.type: MLP or CNN");
        }
        if (type == Type.MLP) {
            requireWidths(hiddenWidths, "architecture.hiddenWidths");
        } else {
            requirePositive(height, "architecture.height");
            requirePositive(width, "architecture.width");
            if (channels == null || (channels != 1 && channels != 3)) {
                throw new IllegalArgumentException("architecture.channels: 1 (grey) or 3 (colour)");
            }
            requireWidths(convFilters, "architecture.convFilters");
            requireWidths(denseWidths == null ? List.of() : denseWidths, "architecture.denseWidths");
            denseWidths = denseWidths == null ? List.of() : denseWidths;
        }
    }

    public static ArchitectureSpec mlp(List<Integer> hiddenWidths) {
        return new ArchitectureSpec(Type.MLP, hiddenWidths, null, null, null, null, null);
    }

    public static ArchitectureSpec cnn(int height, int width, int channels, List<Integer> convFilters,
            List<Integer> denseWidths) {
        return new ArchitectureSpec(Type.CNN, null, height, width, channels, convFilters, denseWidths);
    }

    /** Values per input row for a CNN (height x width x channels); -1 for an MLP, which takes any width. */
    public int imageSize() {
        return type == Type.CNN ? height * width * channels : -1;
    }

    /** Layer names, input side first, as used by freezing by name. */
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        if (type == Type.CNN) {
            for (int i = 0; i < convFilters.size(); i++) {
                names.add("conv" + i);
            }
        }
        List<Integer> dense = type == Type.CNN ? denseWidths : hiddenWidths;
        for (int i = 0; i < dense.size(); i++) {
            names.add("dense" + i);
        }
        names.add("head");
        return names;
    }

    private static void requirePositive(Integer value, String field) {
        if (value == null || value < 1 || value > MAX_WIDTH) {
            throw new IllegalArgumentException(field + ": between 1 and " + MAX_WIDTH);
        }
    }

    private static void requireWidths(List<Integer> widths, String field) {
        if (widths == null || widths.size() > MAX_LAYERS) {
            throw new IllegalArgumentException(field + ": a list of at most " + MAX_LAYERS + " widths");
        }
        if (widths.stream().anyMatch(w -> w == null || w < 1 || w > MAX_WIDTH)) {
            throw new IllegalArgumentException(field + ": every width must be between 1 and " + MAX_WIDTH);
        }
    }
}
