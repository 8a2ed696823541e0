package dev.temper.evaluation;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A leaderboard row as the API and the UI show it: clean accuracy with its 95% interval, calibration,
 * robust accuracy per epsilon (worst case over all attacks, and each attack), and what reproduces it.
 */
public record LeaderboardRow(long modelVersionId, String modelVersion, String baseVersion, long datasetVersionId,
        String datasetVersion, int examples, double cleanAccuracy, Double cleanLower, Double cleanUpper,
        Double expectedCalibrationError, Double negativeLogLikelihood, SortedMap<Double, Double> robustAccuracy,
        SortedMap<String, SortedMap<Double, Double>> accuracyByAttack, boolean gradientMaskingSuspected,
        Double meanCorruptionAccuracy, Double meanCorruptionError,
        String modelSha256, String datasetSha256, String engineVersion, long jobId, long evaluationId) {

    public static LeaderboardRow of(EvaluationResult r) {
        SortedMap<Double, Double> worstCase = new TreeMap<>();
        SortedMap<String, SortedMap<Double, Double>> byAttack = new TreeMap<>();
        for (RobustAccuracy a : r.robustAccuracies) {
            if (a.attack.equals(RobustAccuracy.WORST_CASE)) {
                worstCase.put(a.epsilon, a.accuracy);
            } else {
                byAttack.computeIfAbsent(a.attack, k -> new TreeMap<>()).put(a.epsilon, a.accuracy);
            }
        }
        return new LeaderboardRow(r.modelVersion.id, r.modelVersion.label(),
                r.modelVersion.baseVersion == null ? null : r.modelVersion.baseVersion.label(),
                r.datasetVersion.id, r.datasetVersion.label(), r.examples, r.cleanAccuracy, r.cleanLower,
                r.cleanUpper, r.expectedCalibrationError, r.negativeLogLikelihood, worstCase, byAttack,
                r.gradientMaskingSuspected, r.meanCorruptionAccuracy, r.meanCorruptionError, r.modelSha256, r.datasetSha256, r.engineVersion, r.jobId, r.id);
    }
}
