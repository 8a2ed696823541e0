package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.Random;

/**
 * A rectangle of pixels (all channels) in an HWC image row, where the Square attack changes the input.
 * Its area is a fraction p of the image: a square of side round(sqrt(p * h * w)) on images; on a 1 x d
 * row (tabular data) the same area as a run of round(p * d) neighbouring features.
 */
record SquareWindow(int top, int left, int height, int width) {

    /** Window size for fraction p, kept smaller than the image so that a query changes only part of it. */
    static int[] size(ImageShape shape, double p) {
        double area = p * shape.height() * shape.width();
        int height = clamp((int) Math.round(Math.sqrt(area)), shape.height());
        int width = clamp((int) Math.round(area / height), shape.width());
        if (shape.height() > 1 && shape.width() > 1) {
            width = height = Math.min(height, width);
        }
        return new int[] {height, width};
    }

    static SquareWindow random(ImageShape shape, int[] size, Random random) {
        return new SquareWindow(random.nextInt(shape.height() - size[0] + 1), random.nextInt(shape.width() - size[1] + 1),
                size[0], size[1]);
    }

    boolean contains(int y, int x) {
        return y >= top && y < top + height && x >= left && x < left + width;
    }

    static int index(ImageShape shape, int y, int x, int channel) {
        return (y * shape.width() + x) * shape.channels() + channel;
    }

    /** At least 1 and, when the side allows it, at most side - 1. */
    private static int clamp(int value, int side) {
        return Math.max(1, Math.min(value, side > 1 ? side - 1 : 1));
    }
}
