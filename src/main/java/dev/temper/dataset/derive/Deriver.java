package dev.temper.dataset.derive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a new canonical dataset file from a parent one and a {@link Derivation}. The header keeps the
 * parent's, apart from what the operation changes (sample count; split plan for {@link Resplit}); the
 * classes keep their names and order even when one ends up empty.
 *
 * <p>The parent is streamed, once or twice, and never held whole. All checks against the parent (sample
 * indices, class names, data kind) run before the first byte is written; an {@link IllegalArgumentException}
 * carries a sentence for the user. {@code out} is flushed but not closed, and its content is only valid
 * when this method returns normally.
 */
public final class Deriver {

    private Deriver() {
    }

    public static DerivationSummary derive(StreamSource parent, Derivation derivation, OutputStream out)
            throws IOException {
        if (derivation instanceof DropDuplicates) {
            return DuplicateDropping.apply(parent, out);
        } else if (derivation instanceof DropMissing) {
            return MissingValueDropping.apply(parent, out);
        } else if (derivation instanceof ImputeMissing impute) {
            return MissingValueImputation.apply(parent, impute, out);
        } else if (derivation instanceof ExcludeSamples exclude) {
            return SampleExclusion.apply(parent, exclude, out);
        } else if (derivation instanceof Relabel relabel) {
            return Relabeling.apply(parent, relabel, out);
        } else if (derivation instanceof Rebalance rebalance) {
            return Rebalancing.apply(parent, rebalance, out);
        } else if (derivation instanceof Resplit resplit) {
            return Resplitting.apply(parent, resplit, out);
        } else if (derivation instanceof Shift shift) {
            return Shifting.apply(parent, shift, out);
        }
        throw new IllegalArgumentException("Unknown derivation " + derivation);
    }
}
