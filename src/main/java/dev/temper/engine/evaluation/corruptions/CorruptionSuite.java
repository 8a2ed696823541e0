package dev.temper.engine.evaluation.corruptions;

import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.metrics.Logits;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every corruption type at every severity on raw [0, 1] images. The model and the optional baseline
 * see exactly the same corrupted images (same seed), so their errors can be compared type by type.
 */
public final class CorruptionSuite {

    private CorruptionSuite() {
    }

    /**
     * @param model    logits of raw images (the classifier standardizes as the model expects)
     * @param baseline the reference model for mCE, or null
     */
    public static CorruptionSummary evaluate(Classifier model, Classifier baseline, String baselineSha256,
                                             float[][] images, int[] labels, ImageShape shape, long seed) {
        List<CorruptionResult> results = new ArrayList<>();
        Map<CorruptionType, List<Double>> errors = new EnumMap<>(CorruptionType.class);
        Map<CorruptionType, List<Double>> baselineErrors = new EnumMap<>(CorruptionType.class);
        for (CorruptionType type : CorruptionType.values()) {
            List<Accuracy> bySeverity = new ArrayList<>();
            List<Double> baselineBySeverity = new ArrayList<>();
            for (int severity = 1; severity <= CorruptionType.MAX_SEVERITY; severity++) {
                float[][] corrupted = type.applyAll(images, shape, severity, seed);
                bySeverity.add(Accuracy.of(Logits.correct(model.logits(corrupted), labels)));
                if (baseline != null) {
                    baselineBySeverity.add(1 - Accuracy.of(Logits.correct(baseline.logits(corrupted), labels)).value());
                }
            }
            double mean = bySeverity.stream().mapToDouble(Accuracy::value).average().orElse(Double.NaN);
            CorruptionResult partial = new CorruptionResult(type, bySeverity, mean, null);
            Double relative = baseline == null ? null : CorruptionError.relative(partial.errors(), baselineBySeverity);
            results.add(new CorruptionResult(type, bySeverity, mean, relative));
            errors.put(type, partial.errors());
            baselineErrors.put(type, baselineBySeverity);
        }
        double meanAccuracy = results.stream().mapToDouble(CorruptionResult::meanAccuracy).average().orElse(Double.NaN);
        Double mce = baseline == null ? null : CorruptionError.mean(errors, baselineErrors);
        return new CorruptionSummary(shape, results, meanAccuracy, mce, baselineSha256, seed);
    }

    /** Accuracy under additive Gaussian noise, one seeded draw per sigma, clipped to the valid input box. */
    public static NoiseResult noise(Classifier model, float[][] inputs, int[] labels, List<Double> sigmas,
                                    InputBounds bounds, long seed) {
        List<NoiseResult.Point> points = new ArrayList<>();
        for (double sigma : sigmas) {
            float[][] noisy = GaussianNoise.apply(inputs, sigma, bounds, seed);
            points.add(new NoiseResult.Point(sigma, Accuracy.of(Logits.correct(model.logits(noisy), labels))));
        }
        return new NoiseResult(points, seed);
    }
}
