package dev.temper.dataset.derive;

import java.util.Map;

/** Drops every tabular sample that has at least one missing (NaN) value. */
public record DropMissingDerivation() implements Derivation {

    @Override
    public String operation() {
        return "drop-missing";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }
}
