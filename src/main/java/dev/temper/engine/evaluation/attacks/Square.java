package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The Square attack (Andriushchenko et al. 2020): a score-based random search that only reads logits.
 * It starts at a point on the ball (stripes for L-inf, pseudo-Gaussian blocks for L2), then per query
 * changes square windows and keeps the change when the margin (true logit minus best other) drops. The
 * window's share p of the image shrinks on a fixed schedule. A fooled example gets no further queries; each
 * round asks the model once for all examples still resisting.
 *
 * @param queries per example at most, the start included (AutoAttack: 5,000)
 * @param pInit   starting share of pixels per window; see {@link #defaultPInit}
 * @param shape   image height, width and channels of a row in HWC order; tabular rows are 1 x d x 1
 */
public record Square(int queries, double pInit, Norm norm, InputBounds bounds, long seed, ImageShape shape)
        implements Attack {

    public static final String NAME = "square";

    /** Iterations (of a 10,000-query run) after which p halves; other budgets are rescaled to it. */
    private static final int[] HALVINGS = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};

    public Square {
        if (queries < 1) {
            throw new IllegalArgumentException("Square needs queries >= 1, got " + queries);
        }
        if (!(pInit > 0 && pInit <= 1)) {
            throw new IllegalArgumentException("pInit must be in (0, 1], got " + pInit);
        }
    }

    /** A tabular row of {@code features} values, seen as a 1 x d image with one channel. */
    public static Square forRows(int queries, Norm norm, InputBounds bounds, long seed, int features) {
        return new Square(queries, defaultPInit(norm), norm, bounds, seed, new ImageShape(1, features, 1));
    }

    /**
     * 0.8 for L-inf, AutoAttack's standard setting; 0.1 for L2, the Square paper's L2 setting: an L2 window
     * concentrates the whole budget, so a big one spreads it too thin.
     */
    public static double defaultPInit(Norm norm) {
        return norm == Norm.LINF ? 0.8 : 0.1;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The share of pixels per window at a query, on the paper's schedule rescaled to this budget. */
    static double fraction(double pInit, int query, int queries) {
        long rescaled = (long) query * 10_000 / queries;
        int halvings = (int) IntStream.of(HALVINGS).filter(t -> rescaled > t).count();
        return pInit / (1 << halvings);
    }

    @Override
    public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
        SquareSteps steps = norm == Norm.LINF ? new SquareLinfSteps(shape, epsilon, bounds)
                : new SquareL2Steps(shape, epsilon, bounds);
        // Seeded per epsilon, so a curve point does not depend on which other epsilons were asked for.
        Random random = new Random(seed * 31 + Double.hashCode(epsilon));
        float[][] current = inputs.clone();
        double[] margin = Margins.margins(target.logits(inputs), labels);
        int[] active = stillResisting(margin, IntStream.range(0, inputs.length).toArray());
        float[][] starts = new float[active.length][];
        for (int a = 0; a < active.length; a++) {
            starts[a] = steps.start(inputs[active[a]], random);
        }
        accept(target, active, starts, labels, current, margin, true);
        for (int query = 1; query < queries; query++) {
            active = stillResisting(margin, active);
            if (active.length == 0) {
                break;
            }
            double p = fraction(pInit, query, queries);
            float[][] proposals = new float[active.length][];
            for (int a = 0; a < active.length; a++) {
                proposals[a] = steps.propose(inputs[active[a]], current[active[a]], p, random);
            }
            accept(target, active, proposals, labels, current, margin, false);
        }
        return current;
    }

    /** One model call for all proposals; a proposal replaces the current point if its margin is lower. */
    private static void accept(Classifier target, int[] active, float[][] proposals, int[] labels, float[][] current,
                               double[] margin, boolean always) {
        if (active.length == 0) {
            return;
        }
        int[] activeLabels = IntStream.of(active).map(i -> labels[i]).toArray();
        double[] proposed = Margins.margins(target.logits(proposals), activeLabels);
        for (int a = 0; a < active.length; a++) {
            if (always || proposed[a] < margin[active[a]]) {
                margin[active[a]] = proposed[a];
                current[active[a]] = proposals[a];
            }
        }
    }

    private static int[] stillResisting(double[] margin, int[] among) {
        return IntStream.of(among).filter(i -> margin[i] >= 0).toArray();
    }
}
