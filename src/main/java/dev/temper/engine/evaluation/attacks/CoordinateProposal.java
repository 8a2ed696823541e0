package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/** For inputs without spatial structure: corners of the ball, re-drawing the signs of random coordinates. */
public record CoordinateProposal() implements SearchProposal {

    @Override
    public String name() {
        return "coordinates";
    }

    @Override
    public float[] start(float[] clean, double epsilon, InputBounds bounds, Random random) {
        float[] point = new float[clean.length];
        for (int j = 0; j < clean.length; j++) {
            point[j] = corner(clean[j], epsilon, bounds, random);
        }
        return point;
    }

    @Override
    public float[] next(float[] clean, float[] current, double epsilon, double fraction, InputBounds bounds,
                        Random random) {
        float[] point = current.clone();
        int toChange = Math.max(1, (int) Math.round(fraction * clean.length));
        for (int n = 0; n < toChange; n++) {
            int j = random.nextInt(clean.length);
            point[j] = corner(clean[j], epsilon, bounds, random);
        }
        return point;
    }

    static float corner(float clean, double epsilon, InputBounds bounds, Random random) {
        double sign = random.nextBoolean() ? 1 : -1;
        return LinfBall.project(clean, (float) (clean + sign * epsilon), epsilon, bounds);
    }
}
