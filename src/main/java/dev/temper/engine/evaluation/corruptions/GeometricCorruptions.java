package dev.temper.engine.evaluation.corruptions;

import java.util.Random;

/** Rotation about the centre and translation, both with black borders; the direction is drawn from the seed. */
final class GeometricCorruptions {

    private static final double[] ROTATION_DEGREES = {6, 12, 18, 24, 30};
    /** Shift as a fraction of the image side; at least one pixel. */
    private static final double[] TRANSLATION_FRACTION = {0.04, 0.08, 0.12, 0.16, 0.2};

    private GeometricCorruptions() {
    }

    static float[] rotation(float[] image, ImageShape shape, int severity, Random random) {
        double angle = Math.toRadians(ROTATION_DEGREES[severity - 1]) * (random.nextBoolean() ? 1 : -1);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (shape.height() - 1) / 2.0;
        double cx = (shape.width() - 1) / 2.0;
        float[] out = new float[image.length];
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                // Inverse mapping: where in the source does this output pixel come from?
                double sy = cy + (y - cy) * cos - (x - cx) * sin;
                double sx = cx + (y - cy) * sin + (x - cx) * cos;
                for (int c = 0; c < shape.channels(); c++) {
                    out[shape.index(y, x, c)] = Pixels.clip(Pixels.bilinear(image, shape, sy, sx, c));
                }
            }
        }
        return out;
    }

    static float[] translation(float[] image, ImageShape shape, int severity, Random random) {
        double fraction = TRANSLATION_FRACTION[severity - 1];
        int dy = signedShift(fraction, shape.height(), random);
        int dx = signedShift(fraction, shape.width(), random);
        float[] out = new float[image.length];
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                for (int c = 0; c < shape.channels(); c++) {
                    out[shape.index(y, x, c)] = Pixels.at(image, shape, y - dy, x - dx, c);
                }
            }
        }
        return out;
    }

    private static int signedShift(double fraction, int side, Random random) {
        int pixels = Math.max(1, (int) Math.round(fraction * side));
        return random.nextBoolean() ? pixels : -pixels;
    }
}
