package dev.temper.evaluation.benchmark;

/**
 * When a leaderboard row is stale: it was measured with a suite version other than its benchmark's (say a QUICK
 * preview on a STANDARD benchmark, or a row the V11 migration mapped onto a benchmark whose strongest rows used
 * STANDARD), or recorded no suite at all. Its numbers come from a different attack sequence, so it is shown
 * marked and ranked after every current row of the same reliability.
 */
final class Staleness {

    private Staleness() {
    }

    static boolean isStale(Benchmark benchmark, String suiteVersion) {
        return !benchmark.suite.name().equals(suiteVersion);
    }
}
