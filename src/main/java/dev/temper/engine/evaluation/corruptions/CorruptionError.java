package dev.temper.engine.evaluation.corruptions;

import java.util.List;
import java.util.Map;

/**
 * Corruption error relative to a baseline model (Hendrycks and Dietterich's CE and mCE): per type, the
 * sum over severities of this model's error divided by the same sum for the baseline; mCE averages the
 * types. Below 1 means more robust to corruptions than the baseline.
 */
public final class CorruptionError {

    private CorruptionError() {
    }

    public static double relative(List<Double> errorsBySeverity, List<Double> baselineErrorsBySeverity) {
        if (errorsBySeverity.size() != baselineErrorsBySeverity.size()) {
            throw new IllegalArgumentException("severity counts differ: " + errorsBySeverity.size()
                    + " vs baseline " + baselineErrorsBySeverity.size());
        }
        double model = errorsBySeverity.stream().mapToDouble(Double::doubleValue).sum();
        double baseline = baselineErrorsBySeverity.stream().mapToDouble(Double::doubleValue).sum();
        if (baseline == 0) {
            // A flawless baseline leaves no scale; equal (zero) error still counts as parity.
            return model == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return model / baseline;
    }

    public static double mean(Map<CorruptionType, List<Double>> errors, Map<CorruptionType, List<Double>> baseline) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no corruption errors to average");
        }
        double sum = 0;
        for (Map.Entry<CorruptionType, List<Double>> entry : errors.entrySet()) {
            List<Double> base = baseline.get(entry.getKey());
            if (base == null) {
                throw new IllegalArgumentException("baseline has no errors for " + entry.getKey());
            }
            sum += relative(entry.getValue(), base);
        }
        return sum / errors.size();
    }
}
