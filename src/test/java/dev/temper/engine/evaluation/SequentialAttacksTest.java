package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-example worst case over attacks run in sequence, each on what the earlier ones left standing. */
class SequentialAttacksTest {

    /** Class 0 when the first feature is larger; no gradient is needed by the test-double attacks. */
    private final AttackTarget target = new AttackTarget() {
        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public float[][] logits(float[][] inputs) {
            float[][] logits = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                logits[i] = new float[] {inputs[i][0] - inputs[i][1], inputs[i][1] - inputs[i][0]};
            }
            return logits;
        }

        @Override
        public float[][] lossGradient(float[][] inputs, int[] labels) {
            return new float[inputs.length][inputs[0].length];
        }
    };

    @Test
    void twoAttacksFoolingDisjointExamplesLeaveOnlyWhatNeitherFooled() {
        float[][] inputs = {{0.6f, 0.4f}, {0.7f, 0.4f}, {0.8f, 0.4f}, {0.9f, 0.4f}, {0.4f, 0.6f}};
        int[] labels = {0, 0, 0, 0, 0}; // the last one is wrong already
        Fooling first = new Fooling("first", inputs, 0, 1);
        Fooling second = new Fooling("second", inputs, 2);
        boolean[] clean = {true, true, true, true, false};

        SequentialAttacks.Measured measured = SequentialAttacks.measure(target, target, List.of(
                new AttackStage(first, false, Map.of()), new AttackStage(second, true, Map.of())), inputs, labels, 0.1,
                clean, SuiteProgress.SILENT);

        // Clean-correct 4, minus the union {0, 1, 2}; a minimum over the attacks' own accuracies would say 2.
        assertThat(measured.point().worstCase().correct()).isEqualTo(1);
        assertThat(measured.robust()).containsExactly(false, false, false, true, false);
        assertThat(measured.point().byAttack().get("first").correct()).isEqualTo(2);
        assertThat(measured.point().byAttack().get("second").correct()).isEqualTo(1);
        assertThat(measured.gradientFreeExtra()).as("the second attack is the gradient-free one").isEqualTo(1);
        assertThat(second.attacked).as("the second attack only sees what the first left standing")
                .containsExactly(2, 3);
    }

    /** Test-double attack: swaps the two features of the chosen examples, which flips a correct prediction. */
    private static final class Fooling implements Attack {

        private final String name;
        private final float[][] all;
        private final List<Integer> fooled;
        final List<Integer> attacked = new ArrayList<>();

        Fooling(String name, float[][] all, Integer... fooled) {
            this.name = name;
            this.all = all;
            this.fooled = List.of(fooled);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
            float[][] out = new float[inputs.length][];
            for (int s = 0; s < inputs.length; s++) {
                int original = indexOf(inputs[s]);
                attacked.add(original);
                out[s] = fooled.contains(original) ? new float[] {inputs[s][1], inputs[s][0]} : inputs[s].clone();
            }
            return out;
        }

        private int indexOf(float[] row) {
            for (int i = 0; i < all.length; i++) {
                if (all[i] == row) {
                    return i;
                }
            }
            throw new AssertionError("an input that is not one of the examples");
        }
    }
}
