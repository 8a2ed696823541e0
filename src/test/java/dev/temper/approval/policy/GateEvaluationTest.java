package dev.temper.approval.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.RobustAccuracy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each gate's rule on its own: where it passes, where it fails, and what it says. */
class GateEvaluationTest {

    @Test
    void withoutAPolicyThereAreNoGates() {
        assertThat(GateEvaluation.gates(null, candidate(), null, Regression.noProduction())).isEmpty();
    }

    @Test
    void cleanAccuracyIsJudgedOnTheIntervalsLowerBound() {
        GatePolicy policy = policy();
        policy.minCleanLower = 0.80;
        assertThat(gate(policy, candidate(), Gate.CLEAN_ACCURACY).passed()).isTrue();
        policy.minCleanLower = 0.86;
        Gate failing = gate(policy, candidate(), Gate.CLEAN_ACCURACY);
        assertThat(failing.passed()).as("0.9 clean, but its lower bound is 0.85").isFalse();
        assertThat(failing.measured()).isEqualTo(0.85);
        assertThat(failing.link()).isEqualTo("/evaluations/7");
    }

    @Test
    void robustAccuracyIsTheWorstCaseAtThePolicysEpsilon() {
        GatePolicy policy = policy();
        policy.minRobustAccuracy = 0.5;
        policy.robustEpsilon = 0.1;
        assertThat(gate(policy, candidate(), Gate.ROBUST_ACCURACY).passed()).as("worst case 0.6 >= 0.5").isTrue();
        policy.minRobustAccuracy = 0.65;
        assertThat(gate(policy, candidate(), Gate.ROBUST_ACCURACY).passed())
                .as("pgd's 0.7 does not count, the worst case 0.6 does").isFalse();
        policy.robustEpsilon = 0.3;
        policy.minRobustAccuracy = 0.0;
        Gate unmeasured = gate(policy, candidate(), Gate.ROBUST_ACCURACY);
        assertThat(unmeasured.passed()).isFalse();
        assertThat(unmeasured.detail()).contains("not measured");
    }

    @Test
    void calibrationFailsAboveTheMaximumAndWhenUnmeasured() {
        GatePolicy policy = policy();
        policy.maxEce = 0.05;
        assertThat(gate(policy, candidate(), Gate.CALIBRATION).passed()).isTrue();
        policy.maxEce = 0.04;
        assertThat(gate(policy, candidate(), Gate.CALIBRATION).passed()).isFalse();
        EvaluationResult unmeasured = candidate();
        unmeasured.expectedCalibrationError = null;
        assertThat(gate(policy, unmeasured, Gate.CALIBRATION).passed()).isFalse();
    }

    @Test
    void anyReliabilityFlagFails() {
        assertThat(gate(policy(), candidate(), Gate.RELIABILITY).passed()).isTrue();
        EvaluationResult flagged = candidate();
        flagged.reliable = false;
        flagged.reliabilityFlagsJson = "[{\"check\":\"gradient-masking\",\"reason\":\"r\"}]";
        Gate gate = gate(policy(), flagged, Gate.RELIABILITY);
        assertThat(gate.passed()).isFalse();
        assertThat(gate.detail()).contains("gradient-masking");
    }

    @Test
    void theSuiteMustBeTheBenchmarks() {
        assertThat(gate(policy(), candidate(), Gate.SUITE).passed()).isTrue();
        GatePolicy policy = policy();
        assertThat(GateEvaluation.gates(policy, candidate(), "STANDARD", Regression.noProduction()).stream()
                .filter(g -> g.name().equals(Gate.SUITE)).findFirst().orElseThrow().passed()).isFalse();
        policy.requireCurrentSuite = false;
        assertThat(GateEvaluation.gates(policy, candidate(), "STANDARD", Regression.noProduction()))
                .extracting(Gate::name).doesNotContain(Gate.SUITE);
    }

    @Test
    void aSignificantLossAgainstProductionFailsAndAnythingElsePasses() {
        assertThat(GateEvaluation.noRegression(Regression.noProduction()).passed()).isTrue();
        assertThat(GateEvaluation.noRegression(Regression.noProduction()).detail()).isEqualTo("no production version");
        String link = GateEvaluation.comparisonLink(7, 3);
        Regression worse = new Regression("prod v1", 3L, List.of(
                new Regression.Test("clean", null, 2, 20, 0.0001, true)), link, null);
        Gate failing = GateEvaluation.noRegression(worse);
        assertThat(failing.passed()).isFalse();
        assertThat(failing.link()).isEqualTo("/comparisons?left=7&right=3");
        assertThat(failing.detail()).contains("20 examples only under production");
        Regression better = new Regression("prod v1", 3L, List.of(
                new Regression.Test("clean", null, 20, 2, 0.0001, true)), link, null);
        assertThat(GateEvaluation.noRegression(better).passed()).as("significantly better is no regression").isTrue();
        Regression notSignificant = new Regression("prod v1", 3L, List.of(
                new Regression.Test("robust", 0.1, 3, 5, 0.7, false)), link, null);
        assertThat(GateEvaluation.noRegression(notSignificant).passed()).isTrue();
        assertThat(GateEvaluation.noRegression(Regression.unavailable("prod v1", null, "no evaluation")).passed())
                .as("a regression that cannot be ruled out is not ruled out").isFalse();
    }

    private static Gate gate(GatePolicy policy, EvaluationResult candidate, String name) {
        return GateEvaluation.gates(policy, candidate, "QUICK", Regression.noProduction()).stream()
                .filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static GatePolicy policy() {
        GatePolicy policy = new GatePolicy();
        policy.requireCurrentSuite = true;
        policy.blockRegression = true;
        return policy;
    }

    private static EvaluationResult candidate() {
        EvaluationResult r = new EvaluationResult();
        r.id = 7L;
        r.cleanAccuracy = 0.9;
        r.cleanLower = 0.85;
        r.expectedCalibrationError = 0.05;
        r.reliable = true;
        r.suiteVersion = "QUICK";
        r.robustAccuracies = List.of(robust(RobustAccuracy.WORST_CASE, 0.6), robust("pgd", 0.7));
        return r;
    }

    private static RobustAccuracy robust(String attack, double accuracy) {
        RobustAccuracy a = new RobustAccuracy();
        a.attack = attack;
        a.epsilon = 0.1;
        a.accuracy = accuracy;
        return a;
    }
}
