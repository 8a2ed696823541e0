package dev.temper.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** Latency and throughput of one served version: counts since it was loaded, latency over the last requests. */
final class ServingStats {

    private static final int WINDOW = 2048;

    private final Instant since = Instant.now();
    private final long[] latencyNanos = new long[WINDOW];
    private long requests;
    private long predictions;

    synchronized void record(int rows, long nanos) {
        latencyNanos[(int) (requests % WINDOW)] = nanos;
        requests++;
        predictions += rows;
    }

    synchronized Snapshot snapshot() {
        int held = (int) Math.min(requests, WINDOW);
        long[] sorted = Arrays.copyOf(latencyNanos, held);
        Arrays.sort(sorted);
        double seconds = Math.max(1e-3, Duration.between(since, Instant.now()).toNanos() / 1e9);
        return new Snapshot(since, requests, predictions, percentileMillis(sorted, 0.5),
                percentileMillis(sorted, 0.95), predictions / seconds);
    }

    private static Double percentileMillis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * @param p50Millis request latency, median of the last requests; null before the first
     * @param predictionsPerSecond rows answered per second since the version was loaded
     */
    record Snapshot(Instant since, long requests, long predictions, Double p50Millis, Double p95Millis,
                    double predictionsPerSecond) {
    }
}
