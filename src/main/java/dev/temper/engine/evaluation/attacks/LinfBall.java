package dev.temper.engine.evaluation.attacks;

/** Projection onto the L-infinity ball of radius epsilon around the clean input, intersected with the input bounds. */
final class LinfBall {

    private LinfBall() {
    }

    static float project(float clean, float candidate, double epsilon, InputBounds bounds) {
        double low = clean - epsilon;
        double high = clean + epsilon;
        return bounds.clip((float) Math.max(low, Math.min(high, candidate)));
    }

    static float[] project(float[] clean, float[] candidate, double epsilon, InputBounds bounds) {
        float[] projected = new float[clean.length];
        for (int j = 0; j < clean.length; j++) {
            projected[j] = project(clean[j], candidate[j], epsilon, bounds);
        }
        return projected;
    }

    static float[][] copy(float[][] rows) {
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
