package dev.temper.engine.bench;

import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.model.Tensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The reference for the engine's PGD: the same algorithm (random start, signed steps projected to the
 * L-inf ball and [0, 1], the lowest-margin point kept per example, one session run per step fetching logits
 * and gradient together) written as a plain session loop over the restored graph, one chunk of up to 1,024
 * images per session run.
 */
final class BarePgd implements AutoCloseable {

    private final ModelGraph model;
    private final Session session;
    private final Operand<TFloat32> inputGradient;

    BarePgd(Path modelDir, NetworkLayout layout) {
        model = new ModelGraph(layout);
        inputGradient = model.ops().gradients(model.loss().meanLoss(), List.of(model.features())).dy(0);
        session = new Session(model.graph());
        session.restore(SavedWeights.checkpointPrefix(modelDir));
    }

    float[][] attack(float[][] inputs, int[] labels, double epsilon, PgdSettings settings, long seed) {
        float[][] best = new float[inputs.length][];
        for (int start = 0; start < inputs.length; start += GraphSession.CHUNK) {
            int end = Math.min(inputs.length, start + GraphSession.CHUNK);
            float[][] chunk = attackChunk(Arrays.copyOfRange(inputs, start, end), Arrays.copyOfRange(labels, start, end),
                    epsilon, settings, new Random(seed + start));
            System.arraycopy(chunk, 0, best, start, chunk.length);
        }
        return best;
    }

    private float[][] attackChunk(float[][] x, int[] y, double epsilon, PgdSettings settings, Random random) {
        int n = x.length;
        int dim = x[0].length;
        float[] clean = new float[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, clean, i * dim, dim);
        }
        float[] best = clean.clone();
        double[] bestMargin = margins(logitsOf(clean, n), n, y);
        float[] current = new float[clean.length];
        float step = (float) (settings.relativeStepSize() * epsilon);
        try (TFloat32 labels = Tensors.oneHot(y, model.layout().classCount())) {
            for (int restart = 0; restart < settings.restarts(); restart++) {
                for (int k = 0; k < current.length; k++) {
                    current[k] = project(clean[k], clean[k] + (float) ((2 * random.nextDouble() - 1) * epsilon), epsilon);
                }
                for (int s = 0; s < settings.steps(); s++) {
                    // One run gives the current point's logits (kept if best) and the gradient to leave it.
                    float[] gradient;
                    float[] logits;
                    try (TFloat32 features = Tensors.withShape(current, Shape.of(n, dim));
                         Result result = session.runner().feed(model.features(), features)
                                 .feed(model.loss().labels(), labels).fetch(inputGradient).fetch(model.logits()).run()) {
                        gradient = Tensors.flat((TFloat32) result.get(0));
                        logits = Tensors.flat((TFloat32) result.get(1));
                    }
                    keepBest(current, margins(logits, n, y), n, best, bestMargin, dim);
                    for (int k = 0; k < current.length; k++) {
                        current[k] = project(clean[k], current[k] + step * Math.signum(gradient[k]), epsilon);
                    }
                }
                keepBest(current, margins(logitsOf(current, n), n, y), n, best, bestMargin, dim);
            }
        }
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(best, i * dim, (i + 1) * dim);
        }
        return rows;
    }

    private static void keepBest(float[] current, double[] margins, int n, float[] best, double[] bestMargin,
                                 int dim) {
        for (int i = 0; i < n; i++) {
            if (margins[i] < bestMargin[i]) {
                bestMargin[i] = margins[i];
                System.arraycopy(current, i * dim, best, i * dim, dim);
            }
        }
    }

    private float[] logitsOf(float[] flat, int n) {
        try (TFloat32 features = Tensors.withShape(flat, Shape.of(n, flat.length / n));
             Result result = session.runner().feed(model.features(), features).fetch(model.logits()).run()) {
            return Tensors.flat((TFloat32) result.get(0));
        }
    }

    /** Logit of the true class minus the largest other logit, per example. */
    private static double[] margins(float[] logits, int n, int[] y) {
        int classes = logits.length / n;
        double[] margins = new double[n];
        for (int i = 0; i < n; i++) {
            float other = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (c != y[i]) {
                    other = Math.max(other, logits[i * classes + c]);
                }
            }
            margins[i] = logits[i * classes + y[i]] - other;
        }
        return margins;
    }

    private static float project(float clean, float candidate, double epsilon) {
        float low = (float) Math.max(0, clean - epsilon);
        float high = (float) Math.min(1, clean + epsilon);
        return Math.max(low, Math.min(high, candidate));
    }

    @Override
    public void close() {
        session.close();
        model.close();
    }
}
