package dev.temper.training.ui;

import dev.temper.contract.MetricPoint;
import dev.temper.training.JobMetric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Turns per-epoch metrics and step series into the charts' labels and series. */
final class JobCurves {

    private JobCurves() {
    }

    static List<String> labels(List<JobMetric> metrics) {
        return metrics.stream().map(m -> String.valueOf(m.epoch)).toList();
    }

    static Map<String, List<Double>> loss(List<JobMetric> metrics) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("Train loss", values(metrics, m -> m.trainLoss));
        series.put("Validation loss", values(metrics, m -> m.validationLoss));
        return series;
    }

    static Map<String, List<Double>> accuracy(List<JobMetric> metrics) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("Train accuracy", values(metrics, m -> m.trainAccuracy));
        series.put("Validation accuracy", values(metrics, m -> m.validationAccuracy));
        return series;
    }

    /** Null for epochs reported by workers that did not send the rate: the chart leaves a gap. */
    static Map<String, List<Double>> learningRate(List<JobMetric> metrics) {
        return Map.of("Learning rate", values(metrics, m -> m.learningRate));
    }

    static Map<String, List<Double>> robustAccuracy(List<JobMetric> metrics) {
        return Map.of("Robust accuracy", values(metrics, m -> m.robustAccuracy));
    }

    /** Robust accuracy is measured only during adversarial training; other jobs get no such chart. */
    static boolean hasRobustAccuracy(List<JobMetric> metrics) {
        return metrics.stream().anyMatch(m -> m.robustAccuracy != null);
    }

    static List<String> stepLabels(List<MetricPoint> points) {
        return points.stream().map(p -> String.valueOf(p.step())).toList();
    }

    static Map<String, List<Double>> stepValues(String name, List<MetricPoint> points) {
        return Map.of(name, points.stream().map(MetricPoint::value).toList());
    }

    /** Epochs 1 to the longest job's last, the x axis shared by compared jobs. */
    static List<String> epochAxis(Map<String, List<JobMetric>> metricsByJob) {
        int last = metricsByJob.values().stream().flatMap(List::stream).mapToInt(m -> m.epoch).max().orElse(0);
        return IntStream.rangeClosed(1, last).mapToObj(String::valueOf).toList();
    }

    /**
     * One line per job, aligned on the epoch axis: a job with fewer epochs (still running, stopped early)
     * simply ends sooner, and an epoch a job has no value for is a gap.
     */
    static Map<String, List<Double>> compare(Map<String, List<JobMetric>> metricsByJob,
            Function<JobMetric, Double> metric) {
        int last = epochAxis(metricsByJob).size();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        metricsByJob.forEach((job, metrics) -> {
            List<Double> values = new ArrayList<>(Collections.nCopies(last, (Double) null));
            metrics.stream().filter(m -> m.epoch >= 1).forEach(m -> values.set(m.epoch - 1, metric.apply(m)));
            series.put(job, values);
        });
        return series;
    }

    private static List<Double> values(List<JobMetric> metrics, Function<JobMetric, Double> metric) {
        return metrics.stream().map(metric).toList();
    }
}
