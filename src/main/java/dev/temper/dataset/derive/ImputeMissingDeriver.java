package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import dev.temper.dataset.profile.FeatureStatistics;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Carries out {@link ImputeMissingDerivation}. */
final class ImputeMissingDeriver {

    private ImputeMissingDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, ImputeMissingDerivation impute, OutputStream out)
            throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        TabularOnly.check(header, "Filling in missing values");
        boolean median = impute.method() == ImputeMissingDerivation.Method.MEDIAN;
        String statistic = median ? "median" : "mean";
        FeatureStatistics stats = ParentPasses.trainStatistics(parent, header, median);
        float[] fills = new float[header.valueCount()];
        Map<String, Object> fillValues = new LinkedHashMap<>();
        Map<String, Object> filledPerFeature = new LinkedHashMap<>();
        long filled = 0;
        for (int f = 0; f < fills.length; f++) {
            if (stats.missing(f) == 0) {
                continue;
            }
            String feature = header.featureNames().get(f);
            if (stats.count(f) == 0) {
                throw new IllegalArgumentException("Feature '" + feature + "' has no value in the train split to"
                        + " take a " + statistic + " from; drop the samples with missing values instead");
            }
            fills[f] = (float) (median ? stats.median(f) : stats.mean(f));
            fillValues.put(feature, fills[f]);
            filledPerFeature.put(feature, stats.missing(f));
            filled += stats.missing(f);
        }
        ParentPasses.write(parent, header, out, (index, sample, writer) -> {
            if (DropMissingDeriver.hasMissing(sample.values())) {
                float[] values = sample.values().clone();
                for (int f = 0; f < values.length; f++) {
                    if (Float.isNaN(values[f])) {
                        values[f] = fills[f];
                    }
                }
                writer.write(sample.withValues(values));
            } else {
                writer.write(sample);
            }
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", statistic);
        details.put("filled", filled);
        details.put("filledPerFeature", filledPerFeature);
        details.put("fillValues", fillValues);
        String description = filled == 0 ? "Found no missing values; all samples were kept as they are"
                : String.format(Locale.ROOT, "Filled %s in %s with the train split's %s",
                        Words.count(filled, "missing value"), Words.count(fillValues.size(), "feature"), statistic);
        return new DerivationSummary(header, description, details);
    }
}
