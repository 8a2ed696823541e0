package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/**
 * L-infinity PGD (Madry et al.): a uniform random start in the epsilon ball, then signed-gradient steps
 * projected back onto the ball. Per example it keeps the point with the lowest margin seen at any step of
 * any restart, so more steps or restarts can only make the attack stronger.
 */
public record Pgd(PgdSettings settings, InputBounds bounds, long seed) implements Attack {

    public static final String NAME = "pgd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
        float[][] best = LinfBall.copy(inputs);
        double[] bestMargin = Margins.margins(target.logits(inputs), labels);
        // Seeded per epsilon, so a curve point does not depend on which other epsilons were asked for.
        Random random = new Random(seed * 31 + Double.hashCode(epsilon));
        double stepSize = settings.relativeStepSize() * epsilon;
        for (int restart = 0; restart < settings.restarts(); restart++) {
            float[][] current = randomStart(inputs, epsilon, random);
            keepLowerMargins(target, current, labels, best, bestMargin);
            for (int step = 0; step < settings.steps(); step++) {
                float[][] gradient = target.lossGradient(current, labels);
                for (int i = 0; i < current.length; i++) {
                    for (int j = 0; j < current[i].length; j++) {
                        float moved = (float) (current[i][j] + stepSize * Math.signum(gradient[i][j]));
                        current[i][j] = LinfBall.project(inputs[i][j], moved, epsilon, bounds);
                    }
                }
                keepLowerMargins(target, current, labels, best, bestMargin);
            }
        }
        return best;
    }

    private float[][] randomStart(float[][] inputs, double epsilon, Random random) {
        float[][] start = new float[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            start[i] = new float[inputs[i].length];
            for (int j = 0; j < inputs[i].length; j++) {
                float offset = (float) ((2 * random.nextDouble() - 1) * epsilon);
                start[i][j] = LinfBall.project(inputs[i][j], inputs[i][j] + offset, epsilon, bounds);
            }
        }
        return start;
    }

    static void keepLowerMargins(Classifier target, float[][] candidates, int[] labels, float[][] best,
                                 double[] bestMargin) {
        double[] margins = Margins.margins(target.logits(candidates), labels);
        for (int i = 0; i < margins.length; i++) {
            if (margins[i] < bestMargin[i]) {
                bestMargin[i] = margins[i];
                best[i] = candidates[i].clone();
            }
        }
    }
}
