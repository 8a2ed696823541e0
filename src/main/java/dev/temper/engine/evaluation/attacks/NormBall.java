package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/**
 * The set an attack may search: the {@link Norm} ball of radius epsilon around the clean input, intersected
 * with the input bounds box. Gives the projection onto it, the steepest-ascent direction of a gradient
 * under that norm, and random starting points inside it.
 */
public record NormBall(Norm norm, double epsilon, InputBounds bounds) {

    public NormBall {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
    }

    /**
     * L-inf: clip each value to [clean - eps, clean + eps] and to the box, which is the exact projection.
     * L2: scale the perturbation onto the ball, then clip to the box. Not the exact Euclidean projection onto
     * the intersection, but always inside it: the clean point is in the box, so clipping only moves values
     * towards it and cannot leave the ball again.
     */
    public float[] project(float[] clean, float[] candidate) {
        float[] projected = new float[clean.length];
        if (norm == Norm.LINF) {
            for (int j = 0; j < clean.length; j++) {
                projected[j] = LinfBall.project(clean[j], candidate[j], epsilon, bounds);
            }
            return projected;
        }
        double length = Math.sqrt(squaredDistance(clean, candidate));
        double shrink = length > epsilon ? epsilon / length : 1;
        for (int j = 0; j < clean.length; j++) {
            projected[j] = bounds.clip((float) (clean[j] + (candidate[j] - clean[j]) * shrink));
        }
        return projected;
    }

    /** The unit-norm direction of steepest ascent: sign(g) for L-inf, g / ||g||_2 for L2 (zero stays zero). */
    public float[] ascentDirection(float[] gradient) {
        float[] direction = new float[gradient.length];
        if (norm == Norm.LINF) {
            for (int j = 0; j < gradient.length; j++) {
                direction[j] = Math.signum(gradient[j]);
            }
            return direction;
        }
        double length = 0;
        for (float g : gradient) {
            length += (double) g * g;
        }
        length = Math.sqrt(length);
        if (length > 0) {
            for (int j = 0; j < gradient.length; j++) {
                direction[j] = (float) (gradient[j] / length);
            }
        }
        return direction;
    }

    /** A point drawn uniformly from the ball (before the box clip): a cube for L-inf, a Euclidean ball for L2. */
    public float[] randomPoint(float[] clean, Random random) {
        float[] point = new float[clean.length];
        if (norm == Norm.LINF) {
            for (int j = 0; j < clean.length; j++) {
                point[j] = (float) (clean[j] + (2 * random.nextDouble() - 1) * epsilon);
            }
            return project(clean, point);
        }
        double[] gaussian = new double[clean.length];
        double length = 0;
        for (int j = 0; j < clean.length; j++) {
            gaussian[j] = random.nextGaussian();
            length += gaussian[j] * gaussian[j];
        }
        // Radius eps * U^(1/d) makes the point uniform in the ball's volume, not crowded at the centre.
        double radius = epsilon * Math.pow(random.nextDouble(), 1.0 / clean.length);
        double scale = length > 0 ? radius / Math.sqrt(length) : 0;
        for (int j = 0; j < clean.length; j++) {
            point[j] = (float) (clean[j] + gaussian[j] * scale);
        }
        return project(clean, point);
    }

    /** Distance from the clean input in this ball's norm. */
    public double distance(float[] clean, float[] point) {
        if (norm == Norm.L2) {
            return Math.sqrt(squaredDistance(clean, point));
        }
        double largest = 0;
        for (int j = 0; j < clean.length; j++) {
            largest = Math.max(largest, Math.abs((double) point[j] - clean[j]));
        }
        return largest;
    }

    static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = (double) b[j] - a[j];
            sum += d * d;
        }
        return sum;
    }
}
