package dev.temper.training.ui;

import dev.temper.training.JobMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Turns per-epoch metrics into the chart's series. */
final class JobCurves {

    private JobCurves() {
    }

    static List<String> labels(List<JobMetric> metrics) {
        return metrics.stream().map(m -> String.valueOf(m.epoch)).toList();
    }

    static Map<String, List<Double>> series(List<JobMetric> metrics) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("Train loss", values(metrics, m -> m.trainLoss));
        series.put("Validation loss", values(metrics, m -> m.validationLoss));
        series.put("Train accuracy", values(metrics, m -> m.trainAccuracy));
        series.put("Validation accuracy", values(metrics, m -> m.validationAccuracy));
        return series;
    }

    private static List<Double> values(List<JobMetric> metrics, ToDoubleFunction<JobMetric> metric) {
        return metrics.stream().map(m -> metric.applyAsDouble(m)).toList();
    }
}
