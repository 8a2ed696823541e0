package dev.temper.engine.evaluation.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.evaluation.metrics.Logits;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GradientMaskingSentinelTest {

    @Test
    void plantedGradientMaskedModelTripsTheSentinel() {
        MaskedTarget target = new MaskedTarget();
        float[][] inputs = uniform(200, 4, 9);
        int[] labels = target.ownPredictions(inputs);
        RandomSearch search = new RandomSearch(100, InputBounds.UNBOUNDED, 5);
        RobustnessCurve curve = new RobustnessCurve(target, target, List.of(new Fgsm(InputBounds.UNBOUNDED),
                new Pgd(PgdSettings.standard(10, 1), InputBounds.UNBOUNDED, 5), search));

        List<RobustnessCurve.Measured> measured = curve.measureWithMasks(inputs, labels, List.of(0.0, 0.1, 0.25));
        SentinelReport report = GradientMaskingSentinel.assess(measured, Set.of(Fgsm.NAME, Pgd.NAME), search,
                inputs.length, GradientMaskingSentinel.zeroGradientInputs(target, inputs, labels));

        System.out.println("sentinel on masked model: " + report);
        assertThat(report.gradientMaskingSuspected()).isTrue();
        assertThat(report.zeroGradientInputs()).isEqualTo(200);
        assertThat(report.findings().get(0).missedByGradientAttacks()).isZero();
        assertThat(report.findings().get(2).missedByGradientAttacks()).isGreaterThan(report.tolerance());
        // FGSM cannot move at all, so the gradient-free attack is strictly stronger here.
        assertThat(measured.get(2).point().byAttack().get(RandomSearch.NAME).value())
                .isLessThan(measured.get(2).point().byAttack().get(Fgsm.NAME).value());
    }

    @Test
    void smoothLinearModelDoesNotTripTheSentinel() {
        LinearTarget target = new LinearTarget(new float[][] {{1f, -1f, 0.5f}, {-1f, 1f, -0.5f}});
        float[][] inputs = uniform(200, 3, 10);
        int[] labels = Logits.predictions(target.logits(inputs));
        RandomSearch search = new RandomSearch(100, InputBounds.UNBOUNDED, 5);
        RobustnessCurve curve = new RobustnessCurve(target, target, List.of(new Fgsm(InputBounds.UNBOUNDED),
                new Pgd(PgdSettings.standard(10, 1), InputBounds.UNBOUNDED, 5), search));

        SentinelReport report = GradientMaskingSentinel.assess(curve.measureWithMasks(inputs, labels,
                List.of(0.1, 0.25)), Set.of(Fgsm.NAME, Pgd.NAME), search, inputs.length,
                GradientMaskingSentinel.zeroGradientInputs(target, inputs, labels));

        assertThat(report.gradientMaskingSuspected()).as(report.reasons().toString()).isFalse();
        assertThat(report.findings().get(1).fooledByGradientFree()).isPositive();
    }

    @Test
    void randomSearchIsSeededAndStaysInTheBall() {
        MaskedTarget target = new MaskedTarget();
        float[][] inputs = uniform(20, 4, 3);
        int[] labels = target.ownPredictions(inputs);
        RandomSearch search = new RandomSearch(30, InputBounds.UNIT, 8);
        float[][] first = search.perturb(target, inputs, labels, 0.2);
        assertThat(search.perturb(target, inputs, labels, 0.2)).isDeepEqualTo(first);
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(Math.abs(first[i][j] - inputs[i][j])).isLessThanOrEqualTo(0.2f + 1e-6f);
                assertThat(first[i][j]).isBetween(0f, 1f);
            }
        }
    }

    private static float[][] uniform(int rows, int width, long seed) {
        Random random = new Random(seed);
        float[][] inputs = new float[rows][width];
        for (float[] row : inputs) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) random.nextDouble();
            }
        }
        return inputs;
    }
}
