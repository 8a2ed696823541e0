package dev.temper.engine.evaluation.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag.Check;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReliabilityChecksTest {

    @Test
    void aCurveThatRisesWithEpsilonIsFlaggedBeyondOneExample() {
        List<EpsilonPoint> rising = List.of(point(0.1, 600), point(0.2, 500), point(0.3, 502));
        List<EpsilonPoint> jitter = List.of(point(0.1, 600), point(0.2, 500), point(0.3, 501));

        assertThat(ReliabilityChecks.notMonotone(rising)).get().extracting(ReliabilityFlag::check)
                .isEqualTo(Check.NOT_MONOTONE);
        assertThat(ReliabilityChecks.notMonotone(rising).orElseThrow().reason())
                .contains("50.0% (500/1000) at epsilon 0.200").contains("50.2% (502/1000) at epsilon 0.300");
        assertThat(ReliabilityChecks.notMonotone(jitter)).isEmpty();
    }

    @Test
    void epsilonZeroMustReproduceCleanAccuracyExactly() {
        assertThat(ReliabilityChecks.epsilonZeroDiffers(Accuracy.of(899, 1000), Accuracy.of(900, 1000))).isPresent();
        assertThat(ReliabilityChecks.epsilonZeroDiffers(Accuracy.of(900, 1000), Accuracy.of(900, 1000))).isEmpty();
    }

    @Test
    void accuracyAboveChanceAtAnErasingEpsilonNeedsItsWholeIntervalAboveChance() {
        assertThat(ReliabilityChecks.largeEpsilonAboveChance(0.5, Accuracy.of(300, 1000), 0.1)).isPresent();
        assertThat(ReliabilityChecks.largeEpsilonAboveChance(0.5, Accuracy.of(110, 1000), 0.1)).isEmpty();
    }

    @Test
    void theGradientFreeAndTransferChecksAllowTwoTenthsOfAPoint() {
        assertThat(ReliabilityChecks.gradientFreeStronger(0.1, 20, 10_000)).isEmpty();
        assertThat(ReliabilityChecks.gradientFreeStronger(0.1, 21, 10_000)).isPresent();
        assertThat(ReliabilityChecks.transferStronger(0.1, 1, 100)).isEmpty();
        assertThat(ReliabilityChecks.transferStronger(0.1, 2, 100)).isPresent();
    }

    @Test
    void convergenceAllowsOnePoint() {
        assertThat(ReliabilityChecks.notConverged(0.1, 100, Accuracy.of(500, 1000), Accuracy.of(490, 1000))).isEmpty();
        assertThat(ReliabilityChecks.notConverged(0.1, 100, Accuracy.of(500, 1000), Accuracy.of(489, 1000)))
                .isPresent();
    }

    @Test
    void probabilitiesAndRepeatedPasses() {
        assertThat(ReliabilityChecks.probabilities(new float[][] {{0.2f, 0.8f}, {0.5f, 0.5f}})).isPresent();
        assertThat(ReliabilityChecks.probabilities(new float[][] {{2f, -1f}, {0.5f, 0.5f}})).isEmpty();
        float[][] first = {{1f, 2f}, {3f, 4f}};
        assertThat(ReliabilityChecks.randomized(first, new float[][] {{1f, 2f}, {3f, 4f}})).isEmpty();
        assertThat(ReliabilityChecks.randomized(first, new float[][] {{1f, 2f}, {3f, 4.01f}}).orElseThrow().reason())
                .startsWith("1 of 2 examples");
    }

    private static EpsilonPoint point(double epsilon, int robust) {
        Map<String, Accuracy> byAttack = new TreeMap<>();
        byAttack.put("pgd", Accuracy.of(robust, 1000));
        return new EpsilonPoint(epsilon, new TreeMap<>(byAttack), Accuracy.of(robust, 1000));
    }
}
