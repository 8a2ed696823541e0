package dev.temper.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies per call and errors per kind, from many threads; summarised at the end. During a fault phase both are
 * kept apart under the phase's name, so that the steady state's figures stay its own.
 */
final class Meter {

    private static final String STEADY = "steady";

    private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile String phase;

    /** Names the fault phase now running; null when it is over. */
    void phase(String name) {
        phase = name;
    }

    String phaseName() {
        return phase == null ? STEADY : phase;
    }

    void time(String call, long elapsedNanos) {
        String key = phase == null ? call : call + " [" + phase + "]";
        nanos.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(elapsedNanos);
    }

    void error(String kind) {
        errors.computeIfAbsent("[" + phaseName() + "] " + kind, k -> new LongAdder()).increment();
    }

    long requests() {
        return nanos.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum() + errorCount();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    /** One line per call: count, p50, p95, p99, max in milliseconds; sorted by name. */
    List<String> table() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "  %-36s %8s %8s %8s %8s %8s", "call", "n", "p50", "p95", "p99", "max"));
        new TreeMap<>(nanos).forEach((call, queue) -> {
            List<Long> sorted = new ArrayList<>(queue);
            Collections.sort(sorted);
            rows.add(String.format(Locale.ROOT, "  %-36s %8d %8.1f %8.1f %8.1f %8.1f", call, sorted.size(),
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6));
        });
        return rows;
    }

    /** The worst p95 over the calls whose name starts with {@code prefix}, outside fault phases, in milliseconds. */
    double worstP95(String prefix) {
        return nanos.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && !e.getKey().contains(" ["))
                .mapToDouble(e -> {
                    List<Long> sorted = new ArrayList<>(e.getValue());
                    Collections.sort(sorted);
                    return ms(sorted, 0.95);
                }).max().orElse(Double.NaN);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
