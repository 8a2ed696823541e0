package dev.temper.engine.evaluation.threat;

/**
 * What one unit of epsilon means, always on raw inputs (before any model's own standardisation), so that
 * every model evaluated on a dataset is attacked in the same units whatever its architecture.
 */
public enum EpsilonUnit {

    /** Image pixels in [0, 1]; every perturbed image stays inside that box. */
    PIXELS("pixel intensity, images in [0, 1]"),
    /** Table features in the units they were uploaded in; no box. */
    RAW_FEATURES("raw feature units"),
    /** Table features measured in their train-split standard deviations; no box. */
    TRAIN_STD("standard deviations of each feature on the train split");

    private final String description;

    EpsilonUnit(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether inputs have a valid box that attacks, noise and corruptions must clip to. */
    public boolean boxed() {
        return this == PIXELS;
    }
}
