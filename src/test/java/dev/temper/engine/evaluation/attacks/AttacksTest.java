package dev.temper.engine.evaluation.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttacksTest {

    // Two classes separated by x0 - x1 = 0.
    private final LinearTarget target = new LinearTarget(new float[][] {{1f, -1f}, {-1f, 1f}});
    private final float[][] inputs = {{0.3f, 0.1f}, {0.9f, 0.2f}, {0.1f, 0.9f}};
    private final int[] labels = {0, 0, 1};

    @Test
    void attacksStayInsideTheBallAndTheInputBounds() {
        Attack pgd = new Pgd(PgdSettings.standard(5, 2), InputBounds.UNIT, 7);
        for (Attack attack : List.of(pgd)) {
            float[][] adversarial = attack.perturb(target, inputs, labels, 0.2);
            for (int i = 0; i < inputs.length; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(Math.abs(adversarial[i][j] - inputs[i][j])).isLessThanOrEqualTo(0.2f + 1e-6f);
                    assertThat(adversarial[i][j]).isBetween(0f, 1f);
                }
            }
        }
    }
}
