package dev.temper.engine;

/** Receives metrics once per finished epoch, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    void onEpoch(EpochMetrics metrics);

    static TrainingListener ignoring() {
        return metrics -> { };
    }
}
