package dev.temper.evaluation;

import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.OverlapCheck;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A leaderboard row as the API and the UI show it: clean accuracy with its 95% interval, calibration, the threat
 * model and suite the robust numbers were measured under, robust accuracy per epsilon (worst case over all attacks,
 * and each attack; plain values and as estimates with interval and counts), the reliability verdict with the
 * checks that fired, the test examples used and left out as seen in training, and what reproduces the row.
 * Rows recorded before threat models, intervals or the overlap check were kept have nulls there.
 *
 * @param threatModel    e.g. "L-inf, epsilon 0.1, 0.3 in pixel intensity, images in [0, 1]"
 * @param testExamples   test examples of the dataset version before the overlap exclusion and any cap
 * @param excludedOverlap test examples left out because the model was trained on the same sample
 */
public record LeaderboardRow(long modelVersionId, String modelVersion, String baseVersion, long datasetVersionId,
        String datasetVersion, int examples, Integer testExamples, int excludedOverlap, OverlapCheck overlapCheck,
        double cleanAccuracy, Double cleanLower, Double cleanUpper, Double expectedCalibrationError,
        Double negativeLogLikelihood, String norm, String epsilonUnit, List<Double> epsilons, String threatModel,
        String suite, SortedMap<Double, Double> robustAccuracy, SortedMap<Double, Estimate> worstCase,
        SortedMap<String, SortedMap<Double, Double>> accuracyByAttack,
        SortedMap<String, SortedMap<Double, Estimate>> estimatesByAttack, boolean reliable,
        List<Flag> reliabilityFlags, Double meanCorruptionAccuracy, Double meanCorruptionError,
        String modelSha256, String datasetSha256, String perExampleSha256, String engineVersion, long jobId,
        long evaluationId) {

    /** An accuracy with its 95% Wilson interval and counts; interval and counts are null on old rows. */
    public record Estimate(double value, Double lower, Double upper, Integer correct, Integer examples) {

        static Estimate of(RobustAccuracy a) {
            return new Estimate(a.accuracy, a.lower, a.upper, a.correct, a.examples);
        }
    }

    public static LeaderboardRow of(EvaluationResult r) {
        SortedMap<Double, Double> worstCase = new TreeMap<>();
        SortedMap<Double, Estimate> worstEstimates = new TreeMap<>();
        SortedMap<String, SortedMap<Double, Double>> byAttack = new TreeMap<>();
        SortedMap<String, SortedMap<Double, Estimate>> estimatesByAttack = new TreeMap<>();
        for (RobustAccuracy a : r.robustAccuracies) {
            if (a.attack.equals(RobustAccuracy.WORST_CASE)) {
                worstCase.put(a.epsilon, a.accuracy);
                worstEstimates.put(a.epsilon, Estimate.of(a));
            } else {
                byAttack.computeIfAbsent(a.attack, k -> new TreeMap<>()).put(a.epsilon, a.accuracy);
                estimatesByAttack.computeIfAbsent(a.attack, k -> new TreeMap<>()).put(a.epsilon, Estimate.of(a));
            }
        }
        return new LeaderboardRow(r.modelVersion.id, r.modelVersion.label(),
                r.modelVersion.baseVersion == null ? null : r.modelVersion.baseVersion.label(),
                r.datasetVersion.id, r.datasetVersion.label(), r.examples, r.testExamples, r.excludedOverlap,
                r.overlapCheck, r.cleanAccuracy, r.cleanLower, r.cleanUpper, r.expectedCalibrationError,
                r.negativeLogLikelihood, r.threatNorm, r.threatUnit, r.threatEpsilons(), r.threatModel, r.suiteVersion,
                worstCase, worstEstimates, byAttack, estimatesByAttack, r.reliable, r.reliabilityFlags(),
                r.meanCorruptionAccuracy, r.meanCorruptionError, r.modelSha256, r.datasetSha256, r.perExampleSha256,
                r.engineVersion, r.jobId, r.id);
    }
}
