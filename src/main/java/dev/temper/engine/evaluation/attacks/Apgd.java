package dev.temper.engine.evaluation.attacks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Auto-PGD (Croce and Hein 2020): PGD without a step size to tune. The step starts at 2 * epsilon and is
 * halved per example when progress stalls (see {@link ApgdRun}), with momentum 0.75, under the L-inf or
 * L2 norm.
 *
 * <p>With the targeted DLR loss each of the {@code targetClasses} most likely wrong classes at the clean
 * point gets its own runs. Every run (each target, each restart) attacks only the examples no earlier run
 * has fooled; per example the point with the lowest margin over all runs is kept, so a fooling point wins.
 *
 * @param iterations    steps per run (AutoAttack: 100)
 * @param restarts      runs per target class from different random starts
 * @param targetClasses target classes tried with {@link AttackLoss#DLR_TARGETED} (AutoAttack: 9), capped at
 *                      classes - 1; ignored by untargeted losses
 */
public record Apgd(int iterations, int restarts, AttackLoss loss, int targetClasses, Norm norm, InputBounds bounds,
                   long seed) implements Attack {

    public static final String CE_NAME = "apgd-ce";
    public static final String TARGETED_NAME = "apgd-t";
    public static final String DLR_NAME = "apgd-dlr";

    public Apgd {
        if (iterations < 1 || restarts < 1) {
            throw new IllegalArgumentException("APGD needs iterations >= 1 and restarts >= 1, got " + iterations
                    + " and " + restarts);
        }
        if (loss.needsTargets() && targetClasses < 1) {
            throw new IllegalArgumentException("targeted APGD needs targetClasses >= 1, got " + targetClasses);
        }
    }

    /** APGD on the cross-entropy, one run: AutoAttack's first attack. */
    public static Apgd crossEntropy(int iterations, Norm norm, InputBounds bounds, long seed) {
        return new Apgd(iterations, 1, AttackLoss.CROSS_ENTROPY, 0, norm, bounds, seed);
    }

    /** APGD on the targeted DLR loss, one run per target class: AutoAttack's second attack. */
    public static Apgd targeted(int iterations, int targetClasses, Norm norm, InputBounds bounds, long seed) {
        return new Apgd(iterations, 1, AttackLoss.DLR_TARGETED, targetClasses, norm, bounds, seed);
    }

    @Override
    public String name() {
        return switch (loss) {
            case CROSS_ENTROPY -> CE_NAME;
            case DLR -> DLR_NAME;
            case DLR_TARGETED -> TARGETED_NAME;
        };
    }

    @Override
    public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
        NormBall ball = new NormBall(norm, epsilon, bounds);
        // Seeded per epsilon, so a curve point does not depend on which other epsilons were asked for.
        Random random = new Random(seed * 31 + Double.hashCode(epsilon));
        float[][] cleanLogits = target.logits(inputs);
        float[][] best = inputs.clone();
        double[] bestMargin = Margins.margins(cleanLogits, labels);
        int targetRuns = loss.needsTargets() ? Math.min(targetClasses, target.classCount() - 1) : 1;
        for (int rank = 0; rank < targetRuns; rank++) {
            for (int restart = 0; restart < restarts; restart++) {
                int[] active = IntStream.range(0, inputs.length).filter(i -> bestMargin[i] >= 0).toArray();
                if (active.length == 0) {
                    return best;
                }
                int[] targets = loss.needsTargets() ? targetsAtRank(cleanLogits, labels, active, rank) : null;
                ApgdRun.Outcome outcome = ApgdRun.run(target, ball, select(inputs, active), select(labels, active),
                        targets, loss, iterations, random);
                for (int a = 0; a < active.length; a++) {
                    if (outcome.margins()[a] < bestMargin[active[a]]) {
                        bestMargin[active[a]] = outcome.margins()[a];
                        best[active[a]] = outcome.points()[a];
                    }
                }
            }
        }
        return best;
    }

    /** Per example, the wrong class with the (rank+1)-th highest clean logit. */
    private static int[] targetsAtRank(float[][] cleanLogits, int[] labels, int[] active, int rank) {
        int[] targets = new int[active.length];
        for (int a = 0; a < active.length; a++) {
            float[] logits = cleanLogits[active[a]];
            int label = labels[active[a]];
            targets[a] = IntStream.range(0, logits.length).filter(k -> k != label).boxed()
                    .sorted(Comparator.comparingDouble((Integer k) -> logits[k]).reversed())
                    .skip(rank).findFirst().orElseThrow();
        }
        return targets;
    }

    private static float[][] select(float[][] rows, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> rows[i]).toArray(float[][]::new);
    }

    private static int[] select(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }
}
