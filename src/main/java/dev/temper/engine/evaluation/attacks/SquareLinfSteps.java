package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.Random;

/**
 * L-inf Square attack steps. The start is vertical stripes: each column and channel at clean + eps or
 * clean - eps. A proposal re-draws one window: one random sign per channel, and the whole window of that
 * channel moves to clean + sign * eps (a +-2eps jump clipped back to the ball ends exactly there), then to
 * the box. The extreme values are where a linear-ish model's margin moves most.
 */
record SquareLinfSteps(ImageShape shape, double epsilon, InputBounds bounds) implements SquareSteps {

    /** Redraws allowed when a drawn window would change nothing (every sign already as drawn). */
    private static final int REDRAWS = 10;

    @Override
    public float[] start(float[] clean, Random random) {
        float[] point = new float[clean.length];
        for (int x = 0; x < shape.width(); x++) {
            for (int c = 0; c < shape.channels(); c++) {
                int sign = random.nextBoolean() ? 1 : -1;
                for (int y = 0; y < shape.height(); y++) {
                    int k = SquareWindow.index(shape, y, x, c);
                    point[k] = LinfBall.project(clean[k], (float) (clean[k] + sign * epsilon), epsilon, bounds);
                }
            }
        }
        return point;
    }

    @Override
    public float[] propose(float[] clean, float[] current, double p, Random random) {
        int[] size = SquareWindow.size(shape, p);
        float[] proposal = current.clone();
        for (int attempt = 0; attempt <= REDRAWS; attempt++) {
            SquareWindow window = SquareWindow.random(shape, size, random);
            boolean changed = false;
            for (int c = 0; c < shape.channels(); c++) {
                int sign = random.nextBoolean() ? 1 : -1;
                for (int y = window.top(); y < window.top() + window.height(); y++) {
                    for (int x = window.left(); x < window.left() + window.width(); x++) {
                        int k = SquareWindow.index(shape, y, x, c);
                        proposal[k] = LinfBall.project(clean[k], (float) (clean[k] + sign * epsilon), epsilon, bounds);
                        changed |= proposal[k] != current[k];
                    }
                }
            }
            if (changed) {
                return proposal;
            }
        }
        return proposal;
    }
}
