package dev.temper.engine.strategy;

/** Validation shared by the strategy records: every failure names the offending field. */
final class SpecChecks {

    private SpecChecks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void nonNegative(double value, String field) {
        require(Double.isFinite(value) && value >= 0, field + " must be a finite number >= 0, was " + value);
    }

    static void positive(double value, String field) {
        require(Double.isFinite(value) && value > 0, field + " must be a finite number > 0, was " + value);
    }

    /** A probability-like value in [0, 1). */
    static void fraction(double value, String field) {
        require(Double.isFinite(value) && value >= 0 && value < 1, field + " must be in [0, 1), was " + value);
    }

    static void atLeast(long value, long minimum, String field) {
        require(value >= minimum, field + " must be >= " + minimum + ", was " + value);
    }
}
