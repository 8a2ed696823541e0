package dev.temper.contract;

/** One value of a named series at a training step; (job, name, step) identifies it. */
public record MetricPoint(String name, int step, int epoch, double value) {
}
