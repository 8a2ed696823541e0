package dev.temper.dataset.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Collects the distinct raw labels in the order they first appear, then orders them into class names:
 * numerically when every label is an integer (so "10" follows "9", and "07" is the class "7"), otherwise
 * alphabetically, ignoring case first so that the order is the one a person expects.
 */
final class ClassVocabulary {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Comparator<String> ALPHABETICAL =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final Map<String, Integer> provisional = new HashMap<>();
    private final List<String> rawLabels = new ArrayList<>();

    /** A provisional index for the label, stable until {@link #order()}. */
    int indexOf(String rawLabel) {
        Integer index = provisional.get(rawLabel);
        if (index == null) {
            index = rawLabels.size();
            provisional.put(rawLabel, index);
            rawLabels.add(rawLabel);
        }
        return index;
    }

    int size() {
        return rawLabels.size();
    }

    /** The final class names, and where each provisional index lands among them. */
    Ordering order() {
        boolean integers = rawLabels.stream().allMatch(label -> INTEGER.matcher(label).matches());
        TreeMap<String, Integer> byName = new TreeMap<>(integers
                ? Comparator.comparing(BigInteger::new)
                : ALPHABETICAL);
        List<String> names = rawLabels.stream().map(label -> integers ? new BigInteger(label).toString() : label)
                .toList();
        names.forEach(name -> byName.put(name, 0));
        List<String> classNames = List.copyOf(byName.keySet());
        int position = 0;
        for (Map.Entry<String, Integer> entry : byName.entrySet()) {
            entry.setValue(position++);
        }
        int[] finalIndex = names.stream().mapToInt(byName::get).toArray();
        return new Ordering(classNames, finalIndex);
    }

    /** Class names in order, and the final index of each provisional one. */
    record Ordering(List<String> classNames, int[] finalIndex) {
    }
}
