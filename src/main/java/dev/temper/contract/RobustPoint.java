package dev.temper.contract;

/** Accuracy under one attack at one strength; attack WORST_CASE is the per-example worst over all attacks. */
public record RobustPoint(String attack, double epsilon, double accuracy) {

    public static final String WORST_CASE = "WORST_CASE";
}
