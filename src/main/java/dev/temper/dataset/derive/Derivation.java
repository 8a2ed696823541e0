package dev.temper.dataset.derive;

import java.util.Map;

/**
 * One operation that turns a parent dataset version into a new one. The operation name and parameters
 * are what the lineage record stores, so together with the parent they reproduce the child exactly.
 */
public sealed interface Derivation
        permits DropDuplicates, DropMissing, ImputeMissing, ExcludeSamples, Relabel, Rebalance, Resplit, Shift {

    /** A short kebab-case name such as {@code drop-duplicates}. */
    String operation();

    /** The parameters, JSON-friendly (strings, numbers, lists and maps with string keys). */
    Map<String, Object> parameters();
}
