package dev.temper.dataset.derive;

import java.util.Map;

/**
 * Keeps the first occurrence of every sample hash and drops the later exact copies, whatever their split
 * or label; copies in another split than the first occurrence were leaking between splits.
 */
public record DropDuplicatesDerivation() implements Derivation {

    @Override
    public String operation() {
        return "drop-duplicates";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }
}
