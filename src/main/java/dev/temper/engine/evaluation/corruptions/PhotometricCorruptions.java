package dev.temper.engine.evaluation.corruptions;

/** Global intensity changes: brightness shift and contrast reduction around each channel's mean. */
final class PhotometricCorruptions {

    private static final double[] BRIGHTNESS_SHIFT = {0.1, 0.2, 0.3, 0.4, 0.5};
    private static final double[] CONTRAST_FACTOR = {0.75, 0.6, 0.45, 0.3, 0.15};

    private PhotometricCorruptions() {
    }

    static float[] brightness(float[] image, int severity) {
        double shift = BRIGHTNESS_SHIFT[severity - 1];
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = Pixels.clip(image[i] + shift);
        }
        return out;
    }

    static float[] contrast(float[] image, ImageShape shape, int severity) {
        double factor = CONTRAST_FACTOR[severity - 1];
        double[] mean = new double[shape.channels()];
        for (int i = 0; i < image.length; i++) {
            mean[i % shape.channels()] += image[i];
        }
        int pixels = shape.height() * shape.width();
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            double channelMean = mean[i % shape.channels()] / pixels;
            out[i] = Pixels.clip(channelMean + (image[i] - channelMean) * factor);
        }
        return out;
    }
}
