package dev.temper.evaluation.benchmark;

import dev.temper.base.Json;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.evaluation.EvaluationRecorded;
import dev.temper.evaluation.EvaluationRepository;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.RobustAccuracy;
import dev.temper.registry.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes a result's leaderboard row in the transaction that records the result, so that a board never shows a
 * result without its row or the other way round.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class LeaderboardEntries {

    private final EvaluationRepository results;
    private final BenchmarkRepository benchmarks;
    private final LeaderboardRepository entries;
    private final LeaderboardRobustRepository robust;

    LeaderboardEntries(EvaluationRepository results, BenchmarkRepository benchmarks, LeaderboardRepository entries,
            LeaderboardRobustRepository robust) {
        this.results = results;
        this.benchmarks = benchmarks;
        this.entries = entries;
        this.robust = robust;
    }

    void onRecorded(@Observes EvaluationRecorded recorded) {
        if (recorded.benchmarkId() == null) {
            return;
        }
        EvaluationResult result = results.findById(recorded.resultId());
        Benchmark benchmark = benchmarks.findById(recorded.benchmarkId());
        ModelVersion model = result.modelVersion;
        LeaderboardEntry entry = new LeaderboardEntry();
        entry.resultId = result.id;
        entry.benchmarkId = benchmark.id;
        entry.modelVersionId = model.id;
        entry.modelName = model.name;
        entry.modelNumber = model.version;
        entry.baseLabel = model.baseVersion == null ? null : model.baseVersion.label();
        entry.reliable = result.reliable;
        entry.stale = Staleness.isStale(benchmark, result.suiteVersion);
        entry.cleanAccuracy = result.cleanAccuracy;
        entry.cleanLower = result.cleanLower;
        entry.cleanUpper = result.cleanUpper;
        entry.expectedCalibrationError = result.expectedCalibrationError;
        entry.corruptionAccuracy = result.meanCorruptionAccuracy;
        entry.corruptionError = result.meanCorruptionError;
        entry.examples = result.examples;
        entry.suiteVersion = result.suiteVersion;
        entry.reliabilityChecksJson = Json.write(result.reliabilityFlags().stream().map(Flag::check).toList());
        entry.createdAt = result.createdAt;
        double headline = benchmark.headlineEpsilon();
        List<RobustAccuracy> worstCase = result.robustAccuracies.stream()
                .filter(p -> p.attack.equals(RobustAccuracy.WORST_CASE) && benchmark.epsilons().contains(p.epsilon))
                .toList();
        worstCase.stream().filter(p -> p.epsilon == headline).findFirst()
                .ifPresent(p -> entry.headlineRobust = p.accuracy);
        // The entry first: its robust points refer to it, and each is inserted as soon as it is persisted (identity
        // ids), while the entry (whose id is the result's) would wait for the flush.
        entries.persist(entry);
        entries.flush();
        for (RobustAccuracy point : worstCase) {
            LeaderboardRobust at = new LeaderboardRobust();
            at.resultId = result.id;
            at.benchmarkId = benchmark.id;
            at.epsilon = point.epsilon;
            at.accuracy = point.accuracy;
            at.lower = point.lower;
            at.upper = point.upper;
            robust.persist(at);
        }
    }
}
