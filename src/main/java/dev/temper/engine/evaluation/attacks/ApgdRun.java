package dev.temper.engine.evaluation.attacks;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One APGD run (one restart, one target class) over a batch. Each example has its own step size, momentum
 * and best point; an example leaves the batch as soon as it is misclassified, so later iterations only pay
 * for the examples that still resist.
 */
final class ApgdRun {

    /** Share of steps that must raise the loss between checkpoints for the step size to stay (rho). */
    private static final double RHO = 0.75;
    /** Weight of the new step against the previous move from the second step on (alpha). */
    private static final double MOMENTUM_ALPHA = 0.75;

    private final AttackTarget target;
    private final NormBall ball;
    private final float[][] clean;
    private final int[] labels;
    private final int[] targets;
    private final AttackLoss loss;

    private final float[][] current;
    private final float[][] previous;
    private final float[][] gradient;
    private final float[] lastLoss;
    private final double[] stepSize;
    private final float[][] bestPoint;
    private final float[][] bestGradient;
    private final float[] bestLoss;
    private final double[] bestPointMargin;
    private final int[] increases;
    private final boolean[] reducedAtLastCheck;
    private final float[] bestLossAtLastCheck;
    private final float[][] fooledPoint;
    private final double[] fooledMargin;

    /** What a run hands back per example: its best point and that point's margin (negative = fooled). */
    record Outcome(float[][] points, double[] margins) {
    }

    private ApgdRun(AttackTarget target, NormBall ball, float[][] clean, int[] labels, int[] targets, AttackLoss loss) {
        this.target = target;
        this.ball = ball;
        this.clean = clean;
        this.labels = labels;
        this.targets = targets;
        this.loss = loss;
        int n = clean.length;
        current = new float[n][];
        previous = new float[n][];
        gradient = new float[n][];
        lastLoss = new float[n];
        stepSize = new double[n];
        Arrays.fill(stepSize, 2 * ball.epsilon());
        bestPoint = new float[n][];
        bestGradient = new float[n][];
        bestLoss = new float[n];
        bestPointMargin = new double[n];
        increases = new int[n];
        reducedAtLastCheck = new boolean[n];
        bestLossAtLastCheck = new float[n];
        fooledPoint = new float[n][];
        fooledMargin = new double[n];
    }

    /** @param targets per example, the class a targeted loss pushes towards; null for untargeted losses */
    static Outcome run(AttackTarget target, NormBall ball, float[][] clean, int[] labels, int[] targets,
                       AttackLoss loss, int iterations, Random random) {
        ApgdRun run = new ApgdRun(target, ball, clean, labels, targets, loss);
        return run.iterate(iterations, random);
    }

    private Outcome iterate(int iterations, Random random) {
        int n = clean.length;
        for (int i = 0; i < n; i++) {
            current[i] = ball.randomPoint(clean[i], random);
            previous[i] = current[i];
        }
        int[] active = evaluate(IntStream.range(0, n).toArray(), true);
        int[] checkpoints = ApgdCheckpoints.of(iterations);
        int nextCheck = 0;
        int lastCheckAt = 0;
        for (int k = 0; k < iterations && active.length > 0; k++) {
            double alpha = k == 0 ? 1 : MOMENTUM_ALPHA;
            for (int i : active) {
                step(i, alpha);
            }
            active = evaluate(active, false);
            if (nextCheck < checkpoints.length && k + 1 == checkpoints[nextCheck]) {
                int stepsSinceCheck = checkpoints[nextCheck] - lastCheckAt;
                for (int i : active) {
                    checkpoint(i, stepsSinceCheck);
                }
                lastCheckAt = checkpoints[nextCheck];
                nextCheck++;
            }
        }
        float[][] points = new float[n][];
        double[] margins = new double[n];
        for (int i = 0; i < n; i++) {
            boolean fooled = fooledPoint[i] != null;
            points[i] = fooled ? fooledPoint[i] : bestPoint[i];
            margins[i] = fooled ? fooledMargin[i] : bestPointMargin[i];
        }
        return new Outcome(points, margins);
    }

    /** x_{k+1} = P(x_k + alpha (z_{k+1} - x_k) + (1 - alpha)(x_k - x_{k-1})), z_{k+1} = P(x_k + eta * ascent). */
    private void step(int i, double alpha) {
        float[] x = current[i];
        float[] direction = ball.ascentDirection(gradient[i]);
        float[] z = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (float) (x[j] + stepSize[i] * direction[j]);
        }
        z = ball.project(clean[i], z);
        float[] next = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            next[j] = (float) (x[j] + alpha * (z[j] - x[j]) + (1 - alpha) * (x[j] - previous[i][j]));
        }
        previous[i] = x;
        current[i] = ball.project(clean[i], next);
    }

    /** One pass over the active examples; returns those still not misclassified. */
    private int[] evaluate(int[] active, boolean first) {
        float[][] rows = new float[active.length][];
        int[] activeLabels = new int[active.length];
        int[] activeTargets = targets == null ? null : new int[active.length];
        for (int a = 0; a < active.length; a++) {
            rows[a] = current[active[a]];
            activeLabels[a] = labels[active[a]];
            if (targets != null) {
                activeTargets[a] = targets[active[a]];
            }
        }
        LossAndGradient pass = target.lossAndGradient(rows, activeLabels, loss, activeTargets);
        int[] stillRobust = new int[active.length];
        int kept = 0;
        for (int a = 0; a < active.length; a++) {
            int i = active[a];
            float value = pass.loss()[a];
            double margin = Margins.margin(pass.logits()[a], labels[i]);
            gradient[i] = pass.gradient()[a];
            if (!first && value > lastLoss[i]) {
                increases[i]++;
            }
            lastLoss[i] = value;
            if (first || value > bestLoss[i]) {
                bestLoss[i] = value;
                bestPoint[i] = current[i];
                bestGradient[i] = gradient[i];
                bestPointMargin[i] = margin;
            }
            if (first) {
                bestLossAtLastCheck[i] = value;
            }
            if (margin < 0) {
                fooledPoint[i] = current[i];
                fooledMargin[i] = margin;
            } else {
                stillRobust[kept++] = i;
            }
        }
        return Arrays.copyOf(stillRobust, kept);
    }

    /**
     * Halve the step if too few steps raised the loss since the last checkpoint, or if the step was kept
     * last time and the best loss has not moved since; then go on from the best point. Momentum restarts
     * there too (x_{k-1} = x_k): the last move led away from the best point and should not push again.
     */
    private void checkpoint(int i, int stepsSinceCheck) {
        boolean oscillating = increases[i] < RHO * stepsSinceCheck;
        boolean stuck = !reducedAtLastCheck[i] && bestLoss[i] <= bestLossAtLastCheck[i];
        boolean halve = oscillating || stuck;
        reducedAtLastCheck[i] = halve;
        bestLossAtLastCheck[i] = bestLoss[i];
        increases[i] = 0;
        if (halve) {
            stepSize[i] /= 2;
            current[i] = bestPoint[i];
            previous[i] = bestPoint[i];
            gradient[i] = bestGradient[i];
            lastLoss[i] = bestLoss[i];
        }
    }
}
