package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/**
 * For images in HWC order, after the Square attack (Andriushchenko et al., 2020): start from vertical
 * stripes of +-epsilon, then re-draw one random square window per query with one sign per channel.
 * Spatially coherent changes fool image models with far fewer queries than scattered pixels.
 */
public record SquareProposal(int height, int width, int channels) implements SearchProposal {

    public SquareProposal {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + height + "x" + width + "x" + channels);
        }
    }

    @Override
    public String name() {
        return "squares";
    }

    @Override
    public float[] start(float[] clean, double epsilon, InputBounds bounds, Random random) {
        checkSize(clean);
        float[] point = new float[clean.length];
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < channels; c++) {
                double sign = random.nextBoolean() ? 1 : -1;
                for (int y = 0; y < height; y++) {
                    int i = (y * width + x) * channels + c;
                    point[i] = LinfBall.project(clean[i], (float) (clean[i] + sign * epsilon), epsilon, bounds);
                }
            }
        }
        return point;
    }

    @Override
    public float[] next(float[] clean, float[] current, double epsilon, double fraction, InputBounds bounds,
                        Random random) {
        int side = Math.max(1, Math.min(Math.min(height, width), (int) Math.round(Math.sqrt(fraction * height * width))));
        int top = random.nextInt(height - side + 1);
        int left = random.nextInt(width - side + 1);
        float[] point = current.clone();
        for (int c = 0; c < channels; c++) {
            double sign = random.nextBoolean() ? 1 : -1;
            for (int y = top; y < top + side; y++) {
                for (int x = left; x < left + side; x++) {
                    int i = (y * width + x) * channels + c;
                    point[i] = LinfBall.project(clean[i], (float) (clean[i] + sign * epsilon), epsilon, bounds);
                }
            }
        }
        return point;
    }

    private void checkSize(float[] input) {
        if (input.length != height * width * channels) {
            throw new IllegalArgumentException("input has " + input.length + " values, image needs "
                    + height * width * channels);
        }
    }
}
