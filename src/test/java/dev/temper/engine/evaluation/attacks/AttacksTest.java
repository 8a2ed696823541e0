package dev.temper.engine.evaluation.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttacksTest {

    // Two classes separated by x0 - x1 = 0.
    private final LinearTarget target = new LinearTarget(new float[][] {{1f, -1f}, {-1f, 1f}});
    private final float[][] inputs = {{0.3f, 0.1f}, {0.9f, 0.2f}, {0.1f, 0.9f}};
    private final int[] labels = {0, 0, 1};

    @Test
    void fgsmStepsExactlyEpsilonAgainstTheTrueClass() {
        float[][] adversarial = new Fgsm(InputBounds.UNBOUNDED).perturb(target, inputs, labels, 0.15);
        assertThat(adversarial[0][0]).isCloseTo(0.15f, within(1e-6f));
        assertThat(adversarial[0][1]).isCloseTo(0.25f, within(1e-6f));
        assertThat(adversarial[2][0]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void attacksStayInsideTheBallAndTheInputBounds() {
        Attack pgd = new Pgd(PgdSettings.standard(5, 2), InputBounds.UNIT, 7);
        for (Attack attack : List.of(new Fgsm(InputBounds.UNIT), pgd)) {
            float[][] adversarial = attack.perturb(target, inputs, labels, 0.2);
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(Math.abs(adversarial[i][j] - inputs[i][j])).isLessThanOrEqualTo(0.2f + 1e-6f);
                    assertThat(adversarial[i][j]).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void worstCaseCountsAnExampleOnlyIfEveryAttackFailed() {
        // Margins 0.4, 1.4 and 1.6: epsilon 0.25 moves x0 - x1 by 0.5, enough for the first example only.
        RobustnessCurve curve = new RobustnessCurve(target, target,
                List.of(new Fgsm(InputBounds.UNBOUNDED), new Pgd(PgdSettings.standard(10, 1), InputBounds.UNBOUNDED, 3)));
        List<EpsilonPoint> points = curve.measure(inputs, labels, List.of(0.0, 0.25, 1.0));

        assertThat(points.get(0).worstCase().correct()).isEqualTo(3);
        assertThat(points.get(1).byAttack().get(Fgsm.NAME).correct()).isEqualTo(2);
        assertThat(points.get(1).byAttack().get(Pgd.NAME).correct()).isEqualTo(2);
        assertThat(points.get(1).worstCase().correct()).isEqualTo(2);
        assertThat(points.get(2).worstCase().correct()).isZero();
    }
}
