package dev.temper.engine.attacks;

import dev.temper.engine.metrics.Accuracy;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Robust accuracy at one epsilon: per attack, and the per-example worst case over all attacks run (an
 * example counts only if it was correct clean and no attack fooled it).
 */
public record EpsilonPoint(double epsilon, SortedMap<String, Accuracy> byAttack, Accuracy worstCase) {

    public EpsilonPoint {
        byAttack = Collections.unmodifiableSortedMap(new TreeMap<>(byAttack));
    }
}
