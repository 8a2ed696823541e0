package dev.temper.dataset.derive;

import dev.temper.contract.DataKind;
import java.util.Locale;

/** The kinds of {@link ShiftDerivation}, each for images, tabular data or both. */
public enum ShiftKind {
    /** Images: add noise with sigma = amount in pixel units. Tabular: sigma = amount x each feature's std. */
    GAUSSIAN_NOISE(true, true),
    /** Images: rotate by amount degrees, counter-clockwise as displayed, about the centre. */
    ROTATION(true, false),
    /** Images: one of the engine's corruption types at severity 1..5. */
    CORRUPTION(true, false),
    /** Tabular: multiply every feature by amount. */
    SCALE(false, true),
    /** Tabular: add amount x each feature's std to every feature. */
    OFFSET(false, true);

    private final boolean forImages;
    private final boolean forTables;

    ShiftKind(boolean forImages, boolean forTables) {
        this.forImages = forImages;
        this.forTables = forTables;
    }

    public boolean appliesTo(DataKind kind) {
        return kind == DataKind.IMAGE ? forImages : forTables;
    }

    /** The lower-case, hyphenated name used in lineage records. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
