package dev.temper.dataset.derive;

import java.util.Locale;
import java.util.Map;

/**
 * Replaces every missing (NaN) tabular value by its feature's mean or median over the train split only,
 * so nothing about validation or test samples leaks into the filled values.
 */
public record ImputeMissingDerivation(Method method) implements Derivation {

    public enum Method {
        MEAN, MEDIAN
    }

    public ImputeMissingDerivation {
        if (method == null) {
            throw new IllegalArgumentException("method: choose MEAN or MEDIAN");
        }
    }

    @Override
    public String operation() {
        return "impute-missing";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("method", method.name().toLowerCase(Locale.ROOT));
    }
}
