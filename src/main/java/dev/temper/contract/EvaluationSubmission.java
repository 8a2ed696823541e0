package dev.temper.contract;

import java.util.List;

/**
 * What an evaluation worker reports: the headline numbers the leaderboard sorts and filters by, and the
 * engine's full report as JSON (per-class metrics, reliability bins, noise, corruptions, provenance).
 */
public record EvaluationSubmission(int examples, double cleanAccuracy, double cleanLower, double cleanUpper,
        double expectedCalibrationError, double negativeLogLikelihood, List<RobustPoint> robust,
        boolean gradientMaskingSuspected, String modelSha256, String engineVersion, String reportJson) {
}
