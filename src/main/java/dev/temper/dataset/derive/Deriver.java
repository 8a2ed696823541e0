package dev.temper.dataset.derive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a new canonical dataset file from a parent one and a {@link Derivation}, handing each operation
 * to its own deriver ({@link ShiftDerivation} to {@code ShiftDeriver}, and so on). The header keeps the
 * parent's, apart from what the operation changes (sample count; split plan for {@link ResplitDerivation});
 * the classes keep their names and order even when one ends up empty.
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
        if (derivation instanceof DropDuplicatesDerivation) {
            return DropDuplicatesDeriver.apply(parent, out);
        } else if (derivation instanceof DropMissingDerivation) {
            return DropMissingDeriver.apply(parent, out);
        } else if (derivation instanceof ImputeMissingDerivation impute) {
            return ImputeMissingDeriver.apply(parent, impute, out);
        } else if (derivation instanceof ExcludeSamplesDerivation exclude) {
            return ExcludeSamplesDeriver.apply(parent, exclude, out);
        } else if (derivation instanceof RelabelDerivation relabel) {
            return RelabelDeriver.apply(parent, relabel, out);
        } else if (derivation instanceof RebalanceDerivation rebalance) {
            return RebalanceDeriver.apply(parent, rebalance, out);
        } else if (derivation instanceof ResplitDerivation resplit) {
            return ResplitDeriver.apply(parent, resplit, out);
        } else if (derivation instanceof ShiftDerivation shift) {
            return ShiftDeriver.apply(parent, shift, out);
        }
        throw new IllegalArgumentException("Unknown derivation " + derivation);
    }
}
