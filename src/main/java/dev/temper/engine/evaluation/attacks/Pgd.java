package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/**
 * PGD (Madry et al.) under the L-inf or L2 norm: a uniform random start in the epsilon ball, then
 * steepest-ascent steps on the cross-entropy (sign of the gradient for L-inf, the normalised gradient for
 * L2) projected back onto the ball and the input box. Per example it keeps the point with the lowest margin
 * seen at any step of any restart, so more steps or restarts can only make the attack stronger.
 */
public record Pgd(PgdSettings settings, InputBounds bounds, long seed, Norm norm) implements Attack {

    public static final String NAME = "pgd";

    /** L-inf PGD, as before norms were a parameter. */
    public Pgd(PgdSettings settings, InputBounds bounds, long seed) {
        this(settings, bounds, seed, Norm.LINF);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
        NormBall ball = new NormBall(norm, epsilon, bounds);
        float[][] best = LinfBall.copy(inputs);
        double[] bestMargin = Margins.margins(target.logits(inputs), labels);
        // Seeded per epsilon, so a curve point does not depend on which other epsilons were asked for.
        Random random = new Random(seed * 31 + Double.hashCode(epsilon));
        double stepSize = settings.relativeStepSize() * epsilon;
        for (int restart = 0; restart < settings.restarts(); restart++) {
            float[][] current = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                current[i] = ball.randomPoint(inputs[i], random);
            }
            for (int step = 0; step < settings.steps(); step++) {
                // One pass gives the margins of the current point and the gradient to leave it.
                LossAndGradient pass = target.lossAndGradient(current, labels, AttackLoss.CROSS_ENTROPY, null);
                keepLowerMargins(pass.logits(), current, labels, best, bestMargin);
                for (int i = 0; i < current.length; i++) {
                    float[] direction = ball.ascentDirection(pass.gradient()[i]);
                    float[] moved = new float[direction.length];
                    for (int j = 0; j < moved.length; j++) {
                        moved[j] = (float) (current[i][j] + stepSize * direction[j]);
                    }
                    current[i] = ball.project(inputs[i], moved);
                }
            }
            keepLowerMargins(target.logits(current), current, labels, best, bestMargin);
        }
        return best;
    }

    private static void keepLowerMargins(float[][] logits, float[][] candidates, int[] labels, float[][] best,
                                         double[] bestMargin) {
        double[] margins = Margins.margins(logits, labels);
        for (int i = 0; i < margins.length; i++) {
            if (margins[i] < bestMargin[i]) {
                bestMargin[i] = margins[i];
                best[i] = candidates[i].clone();
            }
        }
    }
}
