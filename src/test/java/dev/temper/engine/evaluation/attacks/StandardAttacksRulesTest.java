package dev.temper.engine.evaluation.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The standard attacks' fixed rules (schedules, projections) and the per-example worst case, on test doubles. */
class StandardAttacksRulesTest {

    // Two classes separated by x0 - x1 = 0.
    private final LinearTarget target = new LinearTarget(new float[][] {{1f, -1f}, {-1f, 1f}});

    @Test
    void apgdCheckpointsFollowThePapersSchedule() {
        assertThat(ApgdCheckpoints.of(100)).containsExactly(22, 41, 57, 70, 80, 87, 93, 99);
        assertThat(ApgdCheckpoints.of(10)).containsExactly(3, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void squareWindowShareHalvesOnTheRescaledSchedule() {
        assertThat(Square.fraction(0.8, 1, 10_000)).isEqualTo(0.8);
        assertThat(Square.fraction(0.8, 11, 10_000)).isEqualTo(0.4);
        assertThat(Square.fraction(0.8, 8001, 10_000)).isEqualTo(0.8 / 512);
        // 1,000 queries: query 21 is iteration 210 of 10,000, past 10, 50 and 200.
        assertThat(Square.fraction(0.8, 21, 1_000)).isEqualTo(0.1);
    }

    @Test
    void l2BallScalesOntoTheBallThenClipsToTheBox() {
        NormBall ball = new NormBall(Norm.L2, 0.5, InputBounds.UNIT);
        float[] projected = ball.project(new float[] {0.5f, 0.9f}, new float[] {0.5f + 3f, 0.9f + 4f});
        // Scaled to (0.3, 0.4) from the clean point, then the second value clipped at 1.
        assertThat(projected[0]).isCloseTo(0.8f, within(1e-6f));
        assertThat(projected[1]).isEqualTo(1f);
        assertThat(ball.ascentDirection(new float[] {3f, -4f})).containsExactly(0.6f, -0.8f);
        Random random = new Random(1);
        for (int k = 0; k < 100; k++) {
            float[] start = ball.randomPoint(new float[] {0.5f, 0.9f, 0.1f}, random);
            assertThat(ball.distance(new float[] {0.5f, 0.9f, 0.1f}, start)).isLessThanOrEqualTo(0.5 + 1e-6);
        }
    }

    @Test
    void squareOnATableStaysInTheBallAndFoolsWhatIsWithinReach() {
        float[][] inputs = {{0.3f, 0.1f}, {0.9f, 0.2f}, {0.1f, 0.9f}};
        int[] labels = {0, 0, 1};
        // Margins 0.4, 1.4 and 1.6; an L-inf step of 0.25 per feature moves x0 - x1 by up to 1.
        Square square = Square.forRows(50, Norm.LINF, InputBounds.UNIT, 3, 2);
        float[][] adversarial = square.perturb(target, inputs, labels, 0.25);
        for (int i = 0; i < inputs.length; i++) {
            assertThat(new NormBall(Norm.LINF, 0.25, InputBounds.UNIT).distance(inputs[i], adversarial[i]))
                    .isLessThanOrEqualTo(0.25 + 1e-6);
        }
        assertThat(target.logits(adversarial)[0][0]).isLessThan(target.logits(adversarial)[0][1]);
        assertThat(new ImageShape(1, 2, 1).size()).isEqualTo(2);
    }
}
