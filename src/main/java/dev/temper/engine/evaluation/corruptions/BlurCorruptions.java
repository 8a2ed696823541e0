package dev.temper.engine.evaluation.corruptions;

/** Loss of detail: separable Gaussian blur and pixelation (block averaging). */
final class BlurCorruptions {

    private static final double[] BLUR_SIGMA = {0.5, 0.8, 1.1, 1.5, 2.0};
    private static final int[] PIXEL_BLOCK = {2, 3, 4, 6, 8};

    private BlurCorruptions() {
    }

    static float[] blur(float[] image, ImageShape shape, int severity) {
        double[] kernel = gaussianKernel(BLUR_SIGMA[severity - 1]);
        return convolve(convolve(image, shape, kernel, true), shape, kernel, false);
    }

    static float[] pixelate(float[] image, ImageShape shape, int severity) {
        int block = PIXEL_BLOCK[severity - 1];
        float[] out = new float[image.length];
        for (int by = 0; by < shape.height(); by += block) {
            for (int bx = 0; bx < shape.width(); bx += block) {
                int yEnd = Math.min(shape.height(), by + block);
                int xEnd = Math.min(shape.width(), bx + block);
                for (int c = 0; c < shape.channels(); c++) {
                    double sum = 0;
                    for (int y = by; y < yEnd; y++) {
                        for (int x = bx; x < xEnd; x++) {
                            sum += image[shape.index(y, x, c)];
                        }
                    }
                    float mean = (float) (sum / ((yEnd - by) * (xEnd - bx)));
                    for (int y = by; y < yEnd; y++) {
                        for (int x = bx; x < xEnd; x++) {
                            out[shape.index(y, x, c)] = mean;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[] gaussianKernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        return kernel;
    }

    /** One 1-D pass; borders repeat the edge pixel so that blurring does not darken the frame. */
    private static float[] convolve(float[] image, ImageShape shape, double[] kernel, boolean vertical) {
        int radius = kernel.length / 2;
        float[] out = new float[image.length];
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                for (int c = 0; c < shape.channels(); c++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sy = vertical ? Math.max(0, Math.min(shape.height() - 1, y + k)) : y;
                        int sx = vertical ? x : Math.max(0, Math.min(shape.width() - 1, x + k));
                        sum += kernel[k + radius] * image[shape.index(sy, sx, c)];
                    }
                    out[shape.index(y, x, c)] = Pixels.clip(sum);
                }
            }
        }
        return out;
    }
}
