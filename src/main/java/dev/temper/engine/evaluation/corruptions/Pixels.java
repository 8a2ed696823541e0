package dev.temper.engine.evaluation.corruptions;

/** Small shared helpers of the corruptions: clipping to [0, 1] and reading with zero padding. */
final class Pixels {

    private Pixels() {
    }

    static float clip(double value) {
        return (float) Math.max(0, Math.min(1, value));
    }

    /** Value at (y, x), 0 outside the image: shifted or rotated content leaves black borders behind. */
    static float at(float[] image, ImageShape shape, int y, int x, int channel) {
        if (y < 0 || y >= shape.height() || x < 0 || x >= shape.width()) {
            return 0f;
        }
        return image[shape.index(y, x, channel)];
    }

    /** Bilinear interpolation with zero padding, for sub-pixel sampling in rotations. */
    static float bilinear(float[] image, ImageShape shape, double y, double x, int channel) {
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        double dy = y - y0;
        double dx = x - x0;
        return (float) ((1 - dy) * ((1 - dx) * at(image, shape, y0, x0, channel) + dx * at(image, shape, y0, x0 + 1, channel))
                + dy * ((1 - dx) * at(image, shape, y0 + 1, x0, channel) + dx * at(image, shape, y0 + 1, x0 + 1, channel)));
    }
}
