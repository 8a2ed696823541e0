package dev.temper.dataset.derive;

import dev.temper.contract.Split;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts samples per split, for summaries. */
final class SplitTally {

    private final int[] counts = new int[Split.values().length];

    void add(Split split) {
        counts[split.ordinal()]++;
    }

    int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /** Split wire name to count, in split order. */
    Map<String, Integer> toMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            map.put(split.wireName(), counts[split.ordinal()]);
        }
        return map;
    }

    /** "2 train, 1 test": the non-zero counts, for sentences. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Split split : Split.values()) {
            if (counts[split.ordinal()] > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(counts[split.ordinal()]).append(' ')
                        .append(split.wireName());
            }
        }
        return text.toString();
    }
}
