package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.metrics.Accuracy;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Robust accuracy at one epsilon, per attack and as the per-example worst case over all attacks run.
 * An example counts as robust under an attack only if it was also correct clean (so an attack that happens
 * to "fix" a mistake earns nothing), and counts in the worst case only if no attack fooled it.
 */
public record EpsilonPoint(double epsilon, SortedMap<String, Accuracy> byAttack, Accuracy worstCase) {

    public EpsilonPoint {
        byAttack = Collections.unmodifiableSortedMap(new TreeMap<>(byAttack));
    }
}
