package dev.temper.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident set size of this process, read from /proc/self/status (Linux only). */
final class Rss {

    private Rss() {
    }

    /** VmRSS in MiB. */
    static double mib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }

    /**
     * Whether every sample after the warm-up stays within 10% of the sample that ends the warm-up.
     *
     * @param warmup how many leading samples are warm-up; the last of them is the reference
     */
    static boolean flatAfterWarmup(List<Double> samples, int warmup) {
        double reference = samples.get(warmup - 1);
        return samples.subList(warmup, samples.size()).stream()
                .allMatch(value -> Math.abs(value - reference) <= 0.10 * reference);
    }
}
