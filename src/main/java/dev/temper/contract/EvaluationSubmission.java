package dev.temper.contract;

import java.util.List;

/**
 * What an evaluation worker reports: the headline numbers the leaderboard sorts and filters by, the evidence
 * that makes them defensible, and the engine's full report as JSON (per-class metrics, reliability bins, noise,
 * corruptions, provenance). The corruption numbers exist for image models only; the relative corruption error
 * (mCE) only when the model has a base to compare with. The server checks every number it can.
 *
 * @param examples             test examples evaluated (after excluding overlap and any cap)
 * @param threatModel          what the attacker could do; robust points are at its epsilons
 * @param suite                the engine's suite version (STANDARD, QUICK)
 * @param flags                reliability checks that fired; {@code reliable} is true exactly when there are none
 * @param overlap              the check against the model's training data and what it excluded
 * @param perExampleOutcomes   the engine's per-example outcomes ({@code PerExampleOutcomes.encode()}), base64, with
 *                             each example's position in the dataset version's test split (0-based, file order)
 * @param adversarialExamples  image models only: the engine's strip of clean and adversarial examples
 *                             ({@code AdversarialStrip.encode()}), base64, positions in the test split; else null
 */
public record EvaluationSubmission(int examples, double cleanAccuracy, double cleanLower, double cleanUpper,
        double expectedCalibrationError, double negativeLogLikelihood, Threat threatModel, String suite,
        List<RobustPoint> robust, List<Flag> flags, boolean reliable, Overlap overlap, String perExampleOutcomes,
        Double meanCorruptionAccuracy, Double meanCorruptionError, String modelSha256,
        String engineVersion, String reportJson, String adversarialExamples) {

    /** A report without a strip of adversarial examples (tables). */
    public EvaluationSubmission(int examples, double cleanAccuracy, double cleanLower, double cleanUpper,
            double expectedCalibrationError, double negativeLogLikelihood, Threat threatModel, String suite,
            List<RobustPoint> robust, List<Flag> flags, boolean reliable, Overlap overlap, String perExampleOutcomes,
            Double meanCorruptionAccuracy, Double meanCorruptionError, String modelSha256,
            String engineVersion, String reportJson) {
        this(examples, cleanAccuracy, cleanLower, cleanUpper, expectedCalibrationError, negativeLogLikelihood,
                threatModel, suite, robust, flags, reliable, overlap, perExampleOutcomes, meanCorruptionAccuracy,
                meanCorruptionError, modelSha256, engineVersion, reportJson, null);
    }

    public EvaluationSubmission withAdversarialExamples(String strip) {
        return new EvaluationSubmission(examples, cleanAccuracy, cleanLower, cleanUpper, expectedCalibrationError,
                negativeLogLikelihood, threatModel, suite, robust, flags, reliable, overlap, perExampleOutcomes,
                meanCorruptionAccuracy, meanCorruptionError, modelSha256, engineVersion, reportJson, strip);
    }

    /** A threat model as measured: norm (LINF, L2), unit of epsilon, its radii and the engine's description. */
    public record Threat(String norm, String unit, List<Double> epsilons, String description) {
    }

    /** One reliability check that fired, and its evidence in words. */
    public record Flag(String check, String reason) {
    }

    /**
     * @param excluded     test examples dropped because the model's training data holds the same sample
     * @param testExamples test examples the dataset version has, before the exclusion
     */
    public record Overlap(OverlapCheck check, int excluded, int testExamples) {
    }
}
