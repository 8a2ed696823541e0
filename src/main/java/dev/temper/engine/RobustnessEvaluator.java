package dev.temper.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tensorflow.Session;

/**
 * Measures how a model holds up against FGSM: the attack direction (sign of the input gradient) comes
 * from the rebuilt TensorFlow graph, all predictions, clean and adversarial, from DJL's Predictor.
 */
public final class RobustnessEvaluator {

    private RobustnessEvaluator() {
    }

    /** Clean accuracy through DJL's Predictor, FGSM accuracy per epsilon (standardized units) with the input gradient from the graph. */
    public static EvaluationReport evaluate(Path modelDir, TabularData test, List<Double> fgsmEpsilons) {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(fgsmEpsilons, "fgsmEpsilons");
        for (Double epsilon : fgsmEpsilons) {
            if (epsilon == null || !Double.isFinite(epsilon) || epsilon < 0) {
                throw new IllegalArgumentException("fgsmEpsilons must be finite and >= 0, got " + epsilon);
            }
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException("test must contain at least one row");
        }
        ModelManifest manifest = ModelManifest.read(modelDir);
        if (test.classCount() != manifest.classCount() || test.featureCount() != manifest.inputDim()) {
            throw new IllegalArgumentException("test data (" + test.featureCount() + " features, "
                    + test.classCount() + " classes) does not fit the model (" + manifest.inputDim()
                    + " features, " + manifest.classCount() + " classes)");
        }
        TensorFlowRuntime.engine();
        float[][] features = manifest.standardization().apply(test.features());
        float[][] gradientSign = inputGradientSign(modelDir, manifest.networkLayout(), features, test.labels());
        SortedMap<Double, Double> fgsmAccuracy = new TreeMap<>();
        double clean;
        try (DjlInference djl = new DjlInference(modelDir, manifest.inputDim())) {
            clean = accuracy(djl.logits(features), test.labels());
            for (double epsilon : fgsmEpsilons) {
                float[][] adversarial = Classification.perturb(features, gradientSign, epsilon);
                fgsmAccuracy.put(epsilon, accuracy(djl.logits(adversarial), test.labels()));
            }
        }
        return new EvaluationReport(test.size(), clean, fgsmAccuracy, ContentHash.of(modelDir),
                TensorFlowRuntime.tensorflowVersion());
    }

    /**
     * The full suite described by {@code spec}: clean metrics with calibration, FGSM/PGD epsilon curve with
     * per-example worst case, gradient-masking sentinel, Gaussian noise, image corruptions and domain shift.
     *
     * @param baselineModelDir reference model for the relative corruption error (mCE), or null
     */
    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec,
                                                 Path baselineModelDir) {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(spec, "spec");
        return RobustnessSuite.run(modelDir, test, spec, baselineModelDir);
    }

    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec) {
        return evaluateSuite(modelDir, test, spec, null);
    }

    private static float[][] inputGradientSign(Path modelDir, NetworkLayout layout, float[][] features,
            int[] labels) {
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            model.loss();
            session.restore(SavedWeights.checkpointPrefix(modelDir));
            GraphSession graph = new GraphSession(model, session);
            float[][] sign = new float[features.length][];
            for (int start = 0; start < features.length; start += GraphSession.CHUNK) {
                int end = Math.min(features.length, start + GraphSession.CHUNK);
                float[][] chunk = graph.inputGradientSign(java.util.Arrays.copyOfRange(features, start, end),
                        java.util.Arrays.copyOfRange(labels, start, end));
                System.arraycopy(chunk, 0, sign, start, chunk.length);
            }
            return sign;
        }
    }

    private static double accuracy(float[][] logits, int[] labels) {
        return Classification.correct(logits, labels) / (double) labels.length;
    }
}
