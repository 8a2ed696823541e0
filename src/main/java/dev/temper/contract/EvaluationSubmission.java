package dev.temper.contract;

import java.util.List;

/**
 * What an evaluation worker reports: the headline numbers the leaderboard sorts and filters by, and the
 * engine's full report as JSON (per-class metrics, reliability bins, noise, corruptions, provenance).
 * The corruption numbers exist for image models only; the relative corruption error (mCE) only when the
 * model has a base to compare with.
 */
public record EvaluationSubmission(int examples, double cleanAccuracy, double cleanLower, double cleanUpper,
        double expectedCalibrationError, double negativeLogLikelihood, List<RobustPoint> robust,
        boolean gradientMaskingSuspected, Double meanCorruptionAccuracy, Double meanCorruptionError,
        String modelSha256, String engineVersion, String reportJson) {
}
