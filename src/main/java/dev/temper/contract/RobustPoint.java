package dev.temper.contract;

/**
 * Accuracy under one attack at one strength, with its 95% Wilson interval and the counts it comes from.
 * Attack names are the engine's (data, not a fixed list); {@link #WORST_CASE} is the per-example worst over all
 * attacks run.
 */
public record RobustPoint(String attack, double epsilon, double accuracy, double lower, double upper, int correct,
        int examples) {

    public static final String WORST_CASE = "WORST_CASE";
}
