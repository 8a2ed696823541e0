package dev.temper.engine.evaluation;

import java.time.Duration;
import java.util.Locale;

/**
 * One finished step of a suite.
 *
 * @param name    what ran: "clean", an attack at an epsilon ("apgd-ce at eps 0.1"), "reliability checks",
 *                "noise", "corruptions", "domain shift"
 * @param outcome what it found, in words ("8,912 of 9,800 attacked still robust")
 * @param elapsed wall time of the step
 */
public record SuiteStep(String name, String outcome, Duration elapsed) {

    /** A step that started at {@code startNanos} ({@link System#nanoTime()}) and ends now. */
    static SuiteStep since(long startNanos, String name, String outcome) {
        return new SuiteStep(name, outcome, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s (%.1f s)", name, outcome, elapsed.toMillis() / 1000.0);
    }
}
