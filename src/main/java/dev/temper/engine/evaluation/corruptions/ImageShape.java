package dev.temper.engine.evaluation.corruptions;

/** Height, width and channels of an image stored as one row of floats in HWC order (TensorFlow's NHWC). */
public record ImageShape(int height, int width, int channels) {

    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
    }

    public int size() {
        return height * width * channels;
    }

    int index(int y, int x, int channel) {
        return (y * width + x) * channels + channel;
    }

    void check(float[] image) {
        if (image.length != size()) {
            throw new IllegalArgumentException("image has " + image.length + " values, shape " + this + " needs " + size());
        }
    }
}
