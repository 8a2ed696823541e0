package dev.temper.engine.evaluation.attacks;

/**
 * Projected gradient descent settings.
 *
 * @param steps sign-gradient steps per restart
 * @param relativeStepSize step size as a multiple of epsilon (2.5 / steps is the usual choice)
 * @param restarts independent runs from different random starts; the worst case over them is kept
 */
public record PgdSettings(int steps, double relativeStepSize, int restarts) {

    public PgdSettings {
        if (steps < 1) {
            throw new IllegalArgumentException("PGD steps must be >= 1, got " + steps);
        }
        if (!Double.isFinite(relativeStepSize) || relativeStepSize <= 0) {
            throw new IllegalArgumentException("PGD relative step size must be finite and > 0, got " + relativeStepSize);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("PGD restarts must be >= 1, got " + restarts);
        }
    }

    public static PgdSettings standard(int steps, int restarts) {
        return new PgdSettings(steps, 2.5 / steps, restarts);
    }
}
