package dev.temper.engine.training;

import dev.temper.engine.model.Classification;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.SavedWeights;
import java.util.Random;
import org.tensorflow.Session;

/**
 * Robust accuracy of an exported image model under L-inf PGD with a uniform random start, written apart
 * from the training code's attacks on purpose: a proof that adversarial training works must not share the
 * attack it trains against (a broken training attack would then also weaken the measurement). An example
 * counts as robust only if it is right clean and at every PGD iterate.
 */
final class PgdProbe {

    private final double epsilon;
    private final int steps;
    private final double stepSize;
    private final long seed;

    PgdProbe(double epsilon, int steps, double stepSize, long seed) {
        this.epsilon = epsilon;
        this.steps = steps;
        this.stepSize = stepSize;
        this.seed = seed;
    }

    Accuracy measure(ExportedModel exported, float[][] images, int[] labels) {
        try (ModelGraph model = new ModelGraph(exported.manifest().networkLayout());
             Session session = new Session(model.graph())) {
            model.assign(session, SavedWeights.read(exported.directory(), exported.manifest().networkLayout()));
            GraphSession graph = new GraphSession(model, session);
            boolean[] robust = rightAnswers(graph.logits(images), labels);
            int clean = count(robust);
            Random random = new Random(seed);
            float[][] current = new float[images.length][];
            for (int i = 0; i < images.length; i++) {
                current[i] = new float[images[i].length];
                for (int j = 0; j < images[i].length; j++) {
                    current[i][j] = unit(images[i][j] + (float) ((2 * random.nextDouble() - 1) * epsilon));
                }
            }
            keepRobust(robust, graph.logits(current), labels);
            for (int step = 0; step < steps; step++) {
                float[][] sign = graph.inputGradientSign(current, labels);
                for (int i = 0; i < images.length; i++) {
                    for (int j = 0; j < images[i].length; j++) {
                        float moved = (float) (current[i][j] + stepSize * sign[i][j]);
                        float projected = (float) Math.max(images[i][j] - epsilon, Math.min(images[i][j] + epsilon, moved));
                        current[i][j] = unit(projected);
                    }
                }
                keepRobust(robust, graph.logits(current), labels);
            }
            return new Accuracy(clean / (double) labels.length, count(robust) / (double) labels.length);
        }
    }

    private static boolean[] rightAnswers(float[][] logits, int[] labels) {
        boolean[] right = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            right[i] = Classification.argMax(logits[i]) == labels[i];
        }
        return right;
    }

    private static void keepRobust(boolean[] robust, float[][] logits, int[] labels) {
        boolean[] right = rightAnswers(logits, labels);
        for (int i = 0; i < robust.length; i++) {
            robust[i] &= right[i];
        }
    }

    private static int count(boolean[] values) {
        int count = 0;
        for (boolean value : values) {
            count += value ? 1 : 0;
        }
        return count;
    }

    private static float unit(float value) {
        return Math.max(0f, Math.min(1f, value));
    }

    record Accuracy(double clean, double robust) {
    }
}
