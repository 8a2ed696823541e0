package dev.temper.evaluation;

import java.util.SortedMap;
import java.util.TreeMap;

/** A leaderboard row as the API and the UI show it. */
public record LeaderboardRow(long modelVersionId, String modelVersion, String baseVersion, long datasetVersionId,
        String datasetVersion, int examples, double cleanAccuracy, SortedMap<Double, Double> fgsmAccuracy,
        String modelSha256, String datasetSha256, String engineVersion, long jobId) {

    public static LeaderboardRow of(EvaluationResult r) {
        SortedMap<Double, Double> fgsm = new TreeMap<>();
        r.robustAccuracies.stream()
                .filter(a -> a.attack.equals(RobustAccuracy.FGSM))
                .forEach(a -> fgsm.put(a.epsilon, a.accuracy));
        return new LeaderboardRow(r.modelVersion.id, r.modelVersion.label(),
                r.modelVersion.baseVersion == null ? null : r.modelVersion.baseVersion.label(),
                r.datasetVersion.id, r.datasetVersion.label(), r.examples, r.cleanAccuracy, fgsm, r.modelSha256,
                r.datasetSha256, r.engineVersion, r.jobId);
    }
}
