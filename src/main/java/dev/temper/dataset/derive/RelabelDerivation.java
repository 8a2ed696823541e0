package dev.temper.dataset.derive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives samples another of the dataset's existing classes: sample position (0-based, in file order) to
 * class name. The class list itself stays as it is.
 */
public record RelabelDerivation(Map<Integer, String> newLabels) implements Derivation {

    public RelabelDerivation {
        if (newLabels == null || newLabels.isEmpty()) {
            throw new IllegalArgumentException("newLabels: name at least one sample and its new class");
        }
        TreeMap<Integer, String> sorted = new TreeMap<>();
        newLabels.forEach((index, className) -> {
            if (index == null) {
                throw new IllegalArgumentException("newLabels: a sample index is missing (null)");
            }
            if (index < 0) {
                throw new IllegalArgumentException("newLabels: sample index " + index
                        + " is negative; indices start at 0");
            }
            if (className == null || className.isBlank()) {
                throw new IllegalArgumentException("newLabels: sample " + index + " has no class name");
            }
            sorted.put(index, className);
        });
        newLabels = Collections.unmodifiableMap(sorted);
    }

    @Override
    public String operation() {
        return "relabel";
    }

    /** The new labels with the indices as strings, since JSON object keys are strings. */
    @Override
    public Map<String, Object> parameters() {
        Map<String, String> byIndex = new LinkedHashMap<>();
        newLabels.forEach((index, className) -> byIndex.put(Integer.toString(index), className));
        return Map.of("newLabels", Collections.unmodifiableMap(byIndex));
    }
}
