package dev.temper.engine.training;

import dev.temper.engine.model.Classification;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.strategy.AdversarialSpec;
import java.util.Arrays;
import java.util.Random;

/**
 * Turns a clean batch into the batch actually trained on: FGSM or L-inf PGD examples made with the
 * current weights, either beside the clean rows or replacing a share of them. TRADES and MART pair every
 * clean row with its adversarial copy (clean rows first, then the copies, which their losses rely on); their
 * inner PGD maximises the KL divergence from the clean prediction (TRADES) or the cross-entropy (MART).
 * Image inputs are clipped to [0, 1] after every step.
 */
final class AdversarialExamples {

    /** Standard deviation of the noise TRADES and MART start their inner PGD from (both papers' 0.001). */
    static final double GAUSSIAN_START_SCALE = 0.001;

    private final AdversarialSpec spec;
    private final GraphSession graph;
    private final boolean clipToUnit;

    AdversarialExamples(AdversarialSpec spec, GraphSession graph, boolean clipToUnit) {
        this.spec = spec;
        this.graph = graph;
        this.clipToUnit = clipToUnit;
    }

    Batch apply(float[][] x, int[] y, int epoch, Random random) {
        if (!spec.enabled()) {
            return new Batch(x, y, 0, 0);
        }
        double epsilon = spec.epsilonAt(epoch);
        if (spec.keepClean() || spec.method().paired()) {
            return new Batch(Classification.concat(x, attack(x, y, epsilon, random)), Classification.concat(y, y),
                    x.length, x.length);
        }
        // Rows are already in random order, so the leading share of the batch is a random subset.
        int count = Math.max(1, (int) Math.round(spec.ratio() * x.length));
        float[][] subset = Arrays.copyOf(x, count);
        int[] labels = Arrays.copyOf(y, count);
        float[][] adversarial = attack(subset, labels, epsilon, random);
        float[][] mixed = x.clone();
        System.arraycopy(adversarial, 0, mixed, 0, count);
        return new Batch(mixed, y, 0, count);
    }

    float[][] attack(float[][] x, int[] y, double epsilon, Random random) {
        return switch (spec.method()) {
            case FGSM -> step(x, x, graph.inputGradientSign(x, y), epsilon, epsilon);
            case TRADES -> tradesAttack(x, epsilon, random);
            case MART -> martAttack(x, y, epsilon, random);
            case PGD, NONE -> pgdAttack(x, y, epsilon, random);
        };
    }

    /**
     * TRADES' inner maximisation: PGD on KL(p(x) || p(x')) with the clean probabilities held fixed. At x' = x
     * the KL is at its minimum and its gradient is zero, hence the paper's small Gaussian start.
     */
    private float[][] tradesAttack(float[][] x, double epsilon, Random random) {
        float[][] clean = graph.probabilities(x);
        float[][] current = gaussianStart(x, random);
        for (int s = 0; s < spec.steps(); s++) {
            current = step(x, current, graph.divergenceGradientSign(current, clean), spec.stepSize(), epsilon);
        }
        return current;
    }

    /** MART's inner maximisation: PGD on the cross-entropy from the same small Gaussian start as TRADES. */
    private float[][] martAttack(float[][] x, int[] y, double epsilon, Random random) {
        float[][] current = gaussianStart(x, random);
        for (int s = 0; s < spec.steps(); s++) {
            current = step(x, current, graph.inputGradientSign(current, y), spec.stepSize(), epsilon);
        }
        return current;
    }

    private float[][] gaussianStart(float[][] x, Random random) {
        float[][] start = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            start[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                start[i][j] = clip((float) (x[i][j] + GAUSSIAN_START_SCALE * random.nextGaussian()));
            }
        }
        return start;
    }

    private float[][] pgdAttack(float[][] x, int[] y, double epsilon, Random random) {
        float[][] current = x;
        if (spec.randomStart()) {
            current = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                current[i] = new float[x[i].length];
                for (int j = 0; j < x[i].length; j++) {
                    current[i][j] = clip((float) (x[i][j] + (random.nextDouble() * 2 - 1) * epsilon));
                }
            }
        }
        for (int s = 0; s < spec.steps(); s++) {
            current = step(x, current, graph.inputGradientSign(current, y), spec.stepSize(), epsilon);
        }
        return current;
    }

    /** current + size * sign, projected back into the epsilon ball around the clean rows, then clipped. */
    private float[][] step(float[][] clean, float[][] current, float[][] sign, double size, double epsilon) {
        float[][] next = new float[clean.length][];
        for (int i = 0; i < clean.length; i++) {
            next[i] = new float[clean[i].length];
            for (int j = 0; j < clean[i].length; j++) {
                double moved = current[i][j] + size * sign[i][j];
                double projected = Math.max(clean[i][j] - epsilon, Math.min(clean[i][j] + epsilon, moved));
                next[i][j] = clip((float) projected);
            }
        }
        return next;
    }

    private float clip(float value) {
        return clipToUnit ? Math.max(0f, Math.min(1f, value)) : value;
    }

    /** The rows trained on; rows adversarialFrom to adversarialFrom + adversarialCount - 1 are attacks. */
    record Batch(float[][] x, int[] y, int adversarialFrom, int adversarialCount) {
    }
}
