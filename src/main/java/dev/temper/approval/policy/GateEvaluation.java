package dev.temper.approval.policy;

import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.RobustAccuracy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each gate of a policy measured against a candidate's evaluation; pure, so every gate's rule is unit-tested on its
 * own. Without a policy there are no gates: a team's requests are gated from the moment its admin sets one.
 */
public final class GateEvaluation {

    /** Epsilons are stored as written; equal within this they are the same epsilon. */
    private static final double SAME_EPSILON = 1e-9;

    private GateEvaluation() {
    }

    /** @param benchmarkSuite the suite of the policy's benchmark (ignored without a policy) */
    public static List<Gate> gates(GatePolicy policy, EvaluationResult candidate, String benchmarkSuite,
            Regression regression) {
        if (policy == null) {
            return List.of();
        }
        String result = resultLink(candidate.id);
        List<Gate> gates = new ArrayList<>();
        if (policy.minCleanLower != null) {
            gates.add(atLeast(Gate.CLEAN_ACCURACY, candidate.cleanLower, policy.minCleanLower,
                    "lower bound of the clean accuracy's 95% interval", result));
        }
        if (policy.minRobustAccuracy != null) {
            Double robust = worstCase(candidate, policy.robustEpsilon).map(r -> r.accuracy).orElse(null);
            gates.add(atLeast(Gate.ROBUST_ACCURACY, robust, policy.minRobustAccuracy,
                    "worst-case robust accuracy at epsilon " + number(policy.robustEpsilon), result));
        }
        if (policy.maxEce != null) {
            Double ece = candidate.expectedCalibrationError;
            boolean passed = ece != null && ece <= policy.maxEce;
            gates.add(new Gate(Gate.CALIBRATION, passed, ece, policy.maxEce, ece == null
                    ? "expected calibration error was not measured"
                    : "expected calibration error " + number(ece) + (passed ? " <= " : " > ") + number(policy.maxEce),
                    result));
        }
        gates.add(new Gate(Gate.RELIABILITY, candidate.reliable, null, null, candidate.reliable
                ? "no reliability check fired"
                : "reliability flags: " + String.join(", ", candidate.reliabilityFlags().stream()
                        .map(f -> f.check()).toList()), result));
        if (policy.requireCurrentSuite) {
            boolean passed = benchmarkSuite.equals(candidate.suiteVersion);
            gates.add(new Gate(Gate.SUITE, passed, null, null, "measured with the " + candidate.suiteVersion
                    + " suite; the benchmark's suite is " + benchmarkSuite, result));
        }
        if (policy.blockRegression) {
            gates.add(noRegression(regression));
        }
        return List.copyOf(gates);
    }

    static Gate noRegression(Regression regression) {
        if (regression.productionVersion() == null) {
            return new Gate(Gate.NO_REGRESSION, true, null, null, "no production version", null);
        }
        if (regression.unavailable() != null) {
            return new Gate(Gate.NO_REGRESSION, false, null, null, regression.unavailable(),
                    regression.comparisonLink());
        }
        Optional<Regression.Test> worse = regression.tests().stream().filter(Regression.Test::candidateWorse)
                .findFirst();
        if (worse.isPresent()) {
            Regression.Test t = worse.get();
            return new Gate(Gate.NO_REGRESSION, false, t.pValue(), 0.05, "significantly worse than "
                    + regression.productionVersion() + " " + where(t) + ": " + t.onlyProduction()
                    + " examples only under production, " + t.onlyCandidate() + " only under the candidate, p = "
                    + number(t.pValue()), regression.comparisonLink());
        }
        return new Gate(Gate.NO_REGRESSION, true, null, 0.05, "no significant regression against "
                + regression.productionVersion() + " in " + regression.tests().size() + " paired tests",
                regression.comparisonLink());
    }

    public static String resultLink(long evaluationId) {
        return "/evaluations/" + evaluationId;
    }

    public static String comparisonLink(long candidateEvaluationId, long productionEvaluationId) {
        return "/comparisons?left=" + candidateEvaluationId + "&right=" + productionEvaluationId;
    }

    private static Gate atLeast(String name, Double measured, double threshold, String what, String link) {
        if (measured == null) {
            return new Gate(name, false, null, threshold, what + " was not measured", link);
        }
        boolean passed = measured >= threshold;
        return new Gate(name, passed, measured, threshold, what + " " + number(measured) + (passed ? " >= " : " < ")
                + number(threshold), link);
    }

    private static Optional<RobustAccuracy> worstCase(EvaluationResult r, double epsilon) {
        return r.robustAccuracies.stream()
                .filter(a -> RobustAccuracy.WORST_CASE.equals(a.attack) && Math.abs(a.epsilon - epsilon) < SAME_EPSILON)
                .findFirst();
    }

    private static String where(Regression.Test t) {
        return t.epsilon() == null ? "on clean inputs" : "at epsilon " + number(t.epsilon());
    }

    private static String number(double value) {
        return new BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
