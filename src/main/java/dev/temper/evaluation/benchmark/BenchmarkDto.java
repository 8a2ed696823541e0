package dev.temper.evaluation.benchmark;

import java.time.Instant;
import java.util.List;

/**
 * A benchmark as the API shows it.
 *
 * @param threatModel e.g. "L-inf, epsilon 0.1, 0.3 in pixel intensity, images in [0, 1]"
 * @param sorts       the names its leaderboard may be sorted by (without one it is ranked)
 * @param rows        results on its leaderboard
 */
public record BenchmarkDto(long id, String team, String name, long datasetVersionId, String datasetVersion,
        String norm, String epsilonUnit, List<Double> epsilons, String suite, String threatModel, List<String> sorts,
        long rows, String createdBy, Instant createdAt) {

    static BenchmarkDto of(Benchmark b, long rows) {
        return new BenchmarkDto(b.id, b.team, b.name, b.datasetVersion.id, b.datasetVersion.label(), b.norm.name(),
                b.epsilonUnit.name(), b.epsilons(), b.suite.name(), b.threatModel().describe(),
                LeaderboardSort.names(b.epsilons()), rows, b.createdBy, b.createdAt);
    }
}
