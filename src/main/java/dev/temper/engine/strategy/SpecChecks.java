package dev.temper.engine.strategy;

/** Validation shared by the strategy records: every failure is an {@link InvalidSpecException} naming the field. */
final class SpecChecks {

    private SpecChecks() {
    }

    /** Refuses the field's value; the message is what API answers show, and begins with a field name. */
    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidSpecException(field, message);
        }
    }

    static void notNull(Object value, String field) {
        require(value != null, field, field + " must not be null");
    }

    static void nonNegative(double value, String field) {
        require(Double.isFinite(value) && value >= 0, field, field + " must be a finite number >= 0, was " + value);
    }

    static void positive(double value, String field) {
        require(Double.isFinite(value) && value > 0, field, field + " must be a finite number > 0, was " + value);
    }

    /** A probability-like value in [0, 1). */
    static void fraction(double value, String field) {
        require(Double.isFinite(value) && value >= 0 && value < 1, field, field + " must be in [0, 1), was " + value);
    }

    /** An integral value in [minimum, maximum]. */
    static void between(long value, long minimum, long maximum, String field) {
        require(value >= minimum && value <= maximum, field,
                field + " must be between " + minimum + " and " + maximum + ", was " + value);
    }

    /** A finite value no larger than the limit (the lower bound is checked on its own, with its own message). */
    static void atMost(double value, double maximum, String field) {
        require(Double.isFinite(value) && value <= maximum, field, field + " must be <= " + maximum + ", was " + value);
    }

    static void atLeast(long value, long minimum, String field) {
        require(value >= minimum, field, field + " must be >= " + minimum + ", was " + value);
    }
}
