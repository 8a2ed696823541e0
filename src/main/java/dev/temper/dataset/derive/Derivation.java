package dev.temper.dataset.derive;

import java.util.Map;

/**
 * One operation that turns a parent dataset version into a new one. The operation name and parameters
 * are what the lineage record stores, so together with the parent they reproduce the child exactly.
 * Each operation is a record named {@code ...Derivation} that says what to do; the package-private
 * {@code ...Deriver} of the same name does it (see {@link Deriver}).
 */
public sealed interface Derivation
        permits DropDuplicatesDerivation, DropMissingDerivation, ImputeMissingDerivation, ExcludeSamplesDerivation,
        RelabelDerivation, RebalanceDerivation, ResplitDerivation, ShiftDerivation {

    /** A short kebab-case name such as {@code drop-duplicates}. */
    String operation();

    /** The parameters, JSON-friendly (strings, numbers, lists and maps with string keys). */
    Map<String, Object> parameters();
}
