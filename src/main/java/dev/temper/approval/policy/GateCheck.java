package dev.temper.approval.policy;

import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.EvaluationService;
import dev.temper.evaluation.benchmark.Benchmark;
import dev.temper.evaluation.benchmark.BenchmarkService;
import dev.temper.evaluation.comparison.ComparisonService;
import dev.temper.evaluation.comparison.PairedComparison;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Gathers a candidate version's evidence under its team's current policy: the newest completed evaluation on the
 * policy's benchmark (on any benchmark without a policy), the paired comparison with the production version's
 * newest evaluation there (the comparison feature's McNemar, its per-example files hash-verified), and the gates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GateCheck {

    private final GatePolicyRepository policies;
    private final EvaluationService evaluations;
    private final BenchmarkService benchmarks;
    private final ComparisonService comparisons;
    private final ModelRegistryService models;

    GateCheck(GatePolicyRepository policies, EvaluationService evaluations, BenchmarkService benchmarks,
            ComparisonService comparisons, ModelRegistryService models) {
        this.policies = policies;
        this.evaluations = evaluations;
        this.benchmarks = benchmarks;
        this.comparisons = comparisons;
        this.models = models;
    }

    /**
     * @return the evidence, or empty with nothing to show: the version has no completed evaluation where the
     *         policy measures (the reason is in {@link #missingEvaluation})
     */
    public Optional<Evidence> evidence(CurrentUser user, ModelVersion candidate) {
        GatePolicy policy = policies.current(candidate.team).orElse(null);
        Benchmark benchmark = policy == null ? null : benchmarks.get(user, policy.benchmarkId);
        Optional<EvaluationResult> evaluated = evaluations.newest(candidate, benchmark == null ? null : benchmark.id);
        if (evaluated.isEmpty()) {
            return Optional.empty();
        }
        EvaluationResult evaluation = evaluated.get();
        Regression regression = policy != null && policy.blockRegression
                ? regression(user, candidate, evaluation, benchmark) : Regression.noProduction();
        return Optional.of(new Evidence(policy == null ? null : policy.id, policy == null ? null : policy.version,
                benchmark == null ? null : benchmark.id, candidate.id, evaluation.id, regression,
                GateEvaluation.gates(policy, evaluation, benchmark == null ? null : benchmark.suite.name(),
                        regression)));
    }

    /**
     * Why a version that {@link #evidence} found nothing for may not be requested, in words a requester can act on;
     * empty when its team has no policy yet: until an admin sets one, requests are not gated (see docs/approvals.md).
     */
    public Optional<String> missingEvaluation(CurrentUser user, ModelVersion candidate) {
        return policies.current(candidate.team).map(p -> candidate.label() + " has no completed evaluation on "
                + "benchmark '" + benchmarks.get(user, p.benchmarkId).name + "' (gate policy '" + p.name + "' version "
                + p.version + "): evaluate it there first");
    }

    private Regression regression(CurrentUser user, ModelVersion candidate, EvaluationResult evaluation,
            Benchmark benchmark) {
        Optional<ModelVersion> production = models.alias(candidate.team, ModelAlias.PRODUCTION)
                .map(a -> a.modelVersion);
        if (production.isEmpty()) {
            return Regression.noProduction();
        }
        ModelVersion current = production.get();
        if (current.id.equals(candidate.id)) {
            return new Regression(current.label(), evaluation.id, java.util.List.of(), null, null);
        }
        Optional<EvaluationResult> theirs = evaluations.newest(current, benchmark.id);
        if (theirs.isEmpty()) {
            return Regression.unavailable(current.label(), null, "the production version " + current.label()
                    + " has no evaluation on the benchmark to compare with");
        }
        long productionEvaluation = theirs.get().id;
        String link = GateEvaluation.comparisonLink(evaluation.id, productionEvaluation);
        try {
            PairedComparison paired = comparisons.compare(user, evaluation.id, productionEvaluation);
            return new Regression(current.label(), productionEvaluation, paired.outcomes().stream()
                    .map(o -> new Regression.Test(o.outcome(), o.epsilon(), o.onlyLeft(), o.onlyRight(), o.pValue(),
                            o.significant()))
                    .toList(), link, null);
        } catch (ProblemException e) {
            return new Regression(current.label(), productionEvaluation, java.util.List.of(), link,
                    "cannot be compared with " + current.label() + ": " + e.detail());
        }
    }
}
