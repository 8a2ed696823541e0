package dev.temper.evaluation.benchmark;

import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.evaluation.BenchmarkPlacement;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.training.TrainingJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts every recorded result on a benchmark: the one its job was asked for on (whose threat model it must have
 * measured), else its team's benchmark of the same dataset version, threat model and suite that does not hold
 * the model yet, else a new benchmark made for it. Rows recorded without a threat model join none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ResultPlacement implements BenchmarkPlacement {

    private final BenchmarkRepository benchmarks;
    private final BenchmarkJobRepository benchmarkJobs;
    private final LeaderboardRepository leaderboard;
    private final BenchmarkService service;

    ResultPlacement(BenchmarkRepository benchmarks, BenchmarkJobRepository benchmarkJobs,
            LeaderboardRepository leaderboard, BenchmarkService service) {
        this.benchmarks = benchmarks;
        this.benchmarkJobs = benchmarkJobs;
        this.leaderboard = leaderboard;
        this.service = service;
    }

    @Override
    public Long benchmarkFor(TrainingJob job, EvaluationResult result) {
        Optional<Long> asked = benchmarkJobs.benchmarkOf(job.id);
        if (asked.isPresent()) {
            Benchmark benchmark = benchmarks.findById(asked.get());
            if (!measuredUnder(benchmark, result)) {
                throw ProblemException.badRequest("threatModel: job " + job.id + " evaluates on benchmark '"
                        + benchmark.name + "' (" + benchmark.threatModel().describe() + "), the report measured "
                        + result.threatModel);
            }
            return benchmark.id;
        }
        Optional<Definition> definition = Definition.of(result);
        if (definition.isEmpty()) {
            return null;
        }
        Definition d = definition.get();
        DatasetVersion dataset = job.datasetVersion;
        List<Benchmark> sameSuite = benchmarks.withThreatModel(result.team, dataset.id, d.norm(), d.unit(),
                        Benchmark.epsilonsJson(d.epsilons())).stream()
                .filter(b -> b.suite == d.suite())
                .toList();
        Optional<Benchmark> free = sameSuite.stream()
                .filter(b -> !leaderboard.hasRow(b.id, result.modelVersion.id)
                        && !benchmarkJobs.hasLiveJob(b.id, result.modelVersion.id))
                .findFirst();
        if (free.isPresent()) {
            return free.get().id;
        }
        if (!sameSuite.isEmpty()) {
            return null;  // The model is on each of them already: the row stays on the per-dataset board.
        }
        return service.persist(dataset, uniqueName(dataset, d), d.norm(), d.epsilons(), d.suite(), job.createdBy,
                "made for the first evaluation of its kind").id;
    }

    private static boolean measuredUnder(Benchmark benchmark, EvaluationResult result) {
        return benchmark.norm.name().equals(result.threatNorm)
                && benchmark.epsilonUnit.name().equals(result.threatUnit)
                && benchmark.epsilons().equals(result.threatEpsilons().stream().distinct().sorted().toList());
    }

    /** E.g. "iris v2 · L-inf 0.1, 0.3 · STANDARD", numbered if a benchmark of the team has that name already. */
    private String uniqueName(DatasetVersion dataset, Definition d) {
        String base = dataset.label() + " · " + d.norm().label() + " " + d.epsilons().stream()
                .map(e -> java.math.BigDecimal.valueOf(e).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", ")) + " · " + d.suite();
        base = base.length() > Benchmark.NAME_MAX_LENGTH - 5 ? base.substring(0, Benchmark.NAME_MAX_LENGTH - 5) : base;
        String name = base;
        for (int n = 2; benchmarks.nameTaken(dataset.team, name); n++) {
            name = base + " #" + n;
        }
        return name;
    }

    /** The threat model and suite a result was measured under, if it recorded them in forms this server knows. */
    private record Definition(Norm norm, EpsilonUnit unit, List<Double> epsilons, SuiteVersion suite) {

        static Optional<Definition> of(EvaluationResult r) {
            if (r.threatNorm == null || r.threatUnit == null || r.threatEpsilonsJson == null
                    || r.suiteVersion == null) {
                return Optional.empty();
            }
            List<Double> epsilons = r.threatEpsilons().stream().distinct().sorted().toList();
            if (epsilons.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Definition(Norm.valueOf(r.threatNorm), EpsilonUnit.valueOf(r.threatUnit),
                        epsilons, SuiteVersion.valueOf(r.suiteVersion)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
