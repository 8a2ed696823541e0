package dev.temper.registry;

import java.util.List;

/**
 * Where a version comes from and what came of it: its chain of base versions (the oldest first, at most
 * {@link #MAX_ANCESTORS}), and the versions fine-tuned from it (the first {@link #MAX_DERIVED}; {@code derivedTotal}
 * counts all). Each version carries its dataset version and the id of the job that trained it.
 */
public record Lineage(ModelVersion version, List<ModelVersion> ancestors, List<ModelVersion> derived,
        long derivedTotal) {

    public static final int MAX_ANCESTORS = 8;
    public static final int MAX_DERIVED = 12;

    public Lineage {
        ancestors = List.copyOf(ancestors);
        derived = List.copyOf(derived);
    }

    /** True when the chain of bases goes back further than is shown. */
    public boolean ancestorsCut() {
        return !ancestors.isEmpty() && ancestors.get(0).baseVersion != null;
    }
}
