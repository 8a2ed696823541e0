package dev.temper.engine.evaluation.attacks;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Gradient-free L-infinity attack that only queries logits: start at a point on the epsilon ball, then
 * repeatedly propose a change to part of the input and keep it when the margin drops (the Square attack's
 * acceptance rule). Because it never looks at gradients, it still works on a model whose gradients are
 * masked, which is what the sentinel relies on.
 *
 * @param queriesPerExample model queries spent per example at most (the first point included)
 * @param proposal          scattered coordinates for tabular data, square windows for images
 */
public record RandomSearch(int queriesPerExample, InputBounds bounds, long seed, SearchProposal proposal)
        implements Attack {

    public static final String NAME = "random-search";

    /** Fraction of coordinates re-drawn at the start; it shrinks so that late queries fine-tune. */
    private static final double INITIAL_FRACTION = 0.3;

    public RandomSearch {
        if (queriesPerExample < 1) {
            throw new IllegalArgumentException("queriesPerExample must be >= 1, got " + queriesPerExample);
        }
    }

    public RandomSearch(int queriesPerExample, InputBounds bounds, long seed) {
        this(queriesPerExample, bounds, seed, new CoordinateProposal());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
        Random random = new Random(seed * 31 + Double.hashCode(epsilon));
        float[][] current = new float[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            current[i] = proposal.start(inputs[i], epsilon, bounds, random);
        }
        double[] margin = Margins.margins(target.logits(current), labels);
        for (int query = 1; query < queriesPerExample; query++) {
            int[] active = activeExamples(margin);
            if (active.length == 0) {
                break;
            }
            double fraction = INITIAL_FRACTION * Math.pow(0.1, query / (double) queriesPerExample);
            float[][] proposals = new float[active.length][];
            int[] activeLabels = new int[active.length];
            for (int a = 0; a < active.length; a++) {
                int i = active[a];
                proposals[a] = proposal.next(inputs[i], current[i], epsilon, fraction, bounds, random);
                activeLabels[a] = labels[i];
            }
            double[] proposed = Margins.margins(target.logits(proposals), activeLabels);
            for (int a = 0; a < active.length; a++) {
                if (proposed[a] < margin[active[a]]) {
                    margin[active[a]] = proposed[a];
                    current[active[a]] = proposals[a];
                }
            }
        }
        return current;
    }

    /** Examples not fooled yet; a fooled one needs no more queries. */
    private static int[] activeExamples(double[] margin) {
        return IntStream.range(0, margin.length).filter(i -> margin[i] >= 0).toArray();
    }
}
