package dev.temper.base;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Latencies as Prometheus histograms (buckets), so that dashboards compute percentiles across replicas and time
 * ranges; a client-side percentile cannot be aggregated. Only Temper's timers and HTTP requests: each histogram costs
 * a few dozen series.
 */
public class MetricHistograms {

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                boolean latency = id.getType() == Meter.Type.TIMER
                        && (id.getName().startsWith("temper.") || id.getName().equals("http.server.requests"));
                return latency ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }
}
