package dev.temper.dataset.derive;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drops the samples at the given positions (0-based, in file order), for example label-noise suspects a
 * reviewer confirmed. The indices are kept sorted and without repeats.
 */
public record ExcludeSamplesDerivation(List<Integer> indices) implements Derivation {

    public ExcludeSamplesDerivation {
        if (indices == null || indices.isEmpty()) {
            throw new IllegalArgumentException("indices: name at least one sample to exclude");
        }
        if (indices.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("indices: a sample index is missing (null)");
        }
        indices.stream().filter(i -> i < 0).findFirst().ifPresent(i -> {
            throw new IllegalArgumentException("indices: sample index " + i + " is negative; indices start at 0");
        });
        indices = indices.stream().distinct().sorted().toList();
    }

    @Override
    public String operation() {
        return "exclude-samples";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("indices", indices);
    }
}
