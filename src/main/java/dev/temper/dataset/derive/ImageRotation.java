package dev.temper.dataset.derive;

/**
 * Rotates HWC images about their centre by a fixed angle, counter-clockwise as displayed, keeping the
 * size: each output pixel samples the source bilinearly, and what comes from outside the source is black.
 * The source positions and weights are worked out once and reused for every image.
 */
final class ImageRotation {

    private final int channels;
    /** Per output pixel, the source pixels (y * width + x) of its four bilinear corners; -1 is outside. */
    private final int[] corners;
    private final float[] weights;

    ImageRotation(int height, int width, int channels, double degrees) {
        this.channels = channels;
        this.corners = new int[height * width * 4];
        this.weights = new float[height * width * 4];
        double angle = Math.toRadians(degrees);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Inverse mapping, with y pointing down: the source of an output pixel is rotated clockwise.
                double sx = cx + (x - cx) * cos - (y - cy) * sin;
                double sy = cy + (x - cx) * sin + (y - cy) * cos;
                int y0 = (int) Math.floor(sy);
                int x0 = (int) Math.floor(sx);
                double fy = sy - y0;
                double fx = sx - x0;
                int slot = (y * width + x) * 4;
                setCorner(slot, y0, x0, (1 - fy) * (1 - fx), height, width);
                setCorner(slot + 1, y0, x0 + 1, (1 - fy) * fx, height, width);
                setCorner(slot + 2, y0 + 1, x0, fy * (1 - fx), height, width);
                setCorner(slot + 3, y0 + 1, x0 + 1, fy * fx, height, width);
            }
        }
    }

    private void setCorner(int slot, int y, int x, double weight, int height, int width) {
        boolean inside = y >= 0 && y < height && x >= 0 && x < width;
        corners[slot] = inside ? y * width + x : -1;
        weights[slot] = inside ? (float) weight : 0f;
    }

    float[] apply(float[] image) {
        float[] out = new float[image.length];
        int pixels = corners.length / 4;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                double value = 0;
                for (int k = p * 4; k < p * 4 + 4; k++) {
                    if (corners[k] >= 0) {
                        value += weights[k] * image[corners[k] * channels + c];
                    }
                }
                out[p * channels + c] = (float) Math.max(0, Math.min(1, value));
            }
        }
        return out;
    }
}
