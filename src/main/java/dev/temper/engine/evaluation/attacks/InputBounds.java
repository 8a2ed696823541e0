package dev.temper.engine.evaluation.attacks;

/**
 * Valid range of every input value: [0, 1] for images, unbounded for standardized tabular features.
 * Attacks clip to it so that an adversarial example is still a possible input.
 */
public record InputBounds(float lower, float upper) {

    public static final InputBounds UNBOUNDED = new InputBounds(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    public static final InputBounds UNIT = new InputBounds(0f, 1f);

    public InputBounds {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("lower must be < upper, got [" + lower + ", " + upper + "]");
        }
    }

    public float clip(float value) {
        return Math.max(lower, Math.min(upper, value));
    }
}
