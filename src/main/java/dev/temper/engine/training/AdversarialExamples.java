package dev.temper.engine.training;

import dev.temper.engine.model.Classification;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.strategy.AdversarialSpec;
import java.util.Arrays;
import java.util.Random;

/**
 * Turns a clean batch into the batch actually trained on: FGSM or L-inf PGD examples made with the
 * current weights, either beside the clean rows or replacing a share of them. Image inputs are clipped
 * to [0, 1] after every step.
 */
final class AdversarialExamples {

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
        if (spec.keepClean()) {
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
        if (spec.method() == AdversarialSpec.Method.FGSM) {
            return step(x, x, graph.inputGradientSign(x, y), epsilon, epsilon);
        }
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
