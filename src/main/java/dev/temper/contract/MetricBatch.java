package dev.temper.contract;

import java.util.List;

/**
 * What a worker sends as it trains: finished epochs and step-level points. Sending a batch again (after a
 * timeout, say) changes nothing: epochs and points already stored are skipped.
 */
public record MetricBatch(List<EpochReport> epochs, List<MetricPoint> points) {

    public MetricBatch {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        points = points == null ? List.of() : List.copyOf(points);
    }
}
