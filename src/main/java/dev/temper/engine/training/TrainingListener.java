package dev.temper.engine.training;

/** Receives metrics once per optimizer step and once per finished epoch, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    void onEpoch(EpochMetrics metrics);

    /** Called after every optimizer step; most listeners only want epochs. */
    default void onStep(StepMetrics metrics) {
    }

    static TrainingListener ignoring() {
        return metrics -> { };
    }
}
