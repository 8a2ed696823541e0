package dev.temper.approval.policy;

/**
 * One gate's outcome as the evidence records it.
 *
 * @param measured  the candidate's number (null where there is none, or where the gate is a yes/no)
 * @param threshold the policy's number (null for yes/no gates)
 * @param detail    the outcome in words, e.g. "0.812 >= 0.8" or "no production version"
 * @param link      the page that shows the number: the result page, or the comparison with production
 */
public record Gate(String name, boolean passed, Double measured, Double threshold, String detail, String link) {

    public static final String CLEAN_ACCURACY = "clean-accuracy";
    public static final String ROBUST_ACCURACY = "robust-accuracy";
    public static final String CALIBRATION = "calibration";
    public static final String RELIABILITY = "reliability";
    public static final String SUITE = "suite";
    public static final String NO_REGRESSION = "no-regression";
}
