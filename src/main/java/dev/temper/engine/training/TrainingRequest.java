package dev.temper.engine.training;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.strategy.TrainingStrategy;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a pre-training or fine-tuning run trains on, how, and where its results go. {@link #of} gives a run
 * that reports to no one and keeps no checkpoints; {@link #withListener} and {@link #withCheckpointsIn}
 * add those.
 *
 * @param train         the rows trained on; at least one
 * @param validation    measured after every epoch; may be empty unless early stopping watches it
 * @param strategy      how the run trains
 * @param listener      hears every step and every finished epoch
 * @param exportDir     where the SavedModel goes; must be empty or not exist yet
 * @param checkpointDir where a checkpoint is kept after every epoch (see {@link Trainer#resume}); null for none
 */
public record TrainingRequest(TabularData train, TabularData validation, TrainingStrategy strategy,
                              TrainingListener listener, Path exportDir, Path checkpointDir) {

    public TrainingRequest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(exportDir, "exportDir");
        if (train.size() == 0) {
            throw new IllegalArgumentException("train must contain at least one row");
        }
        if (validation.size() > 0 && validation.featureCount() != train.featureCount()) {
            throw new IllegalArgumentException("validation has " + validation.featureCount()
                    + " features but train has " + train.featureCount());
        }
        if (validation.classCount() != train.classCount()) {
            throw new IllegalArgumentException("validation has classCount " + validation.classCount()
                    + " but train has " + train.classCount());
        }
    }

    /** A run that reports to no one and keeps no checkpoints. */
    public static TrainingRequest of(TabularData train, TabularData validation, TrainingStrategy strategy,
                                     Path exportDir) {
        return new TrainingRequest(train, validation, strategy, TrainingListener.ignoring(), exportDir, null);
    }

    public TrainingRequest withListener(TrainingListener value) {
        return new TrainingRequest(train, validation, strategy, value, exportDir, checkpointDir);
    }

    /** Keeps the latest checkpoint in directory after every epoch, so an interrupted run can be resumed. */
    public TrainingRequest withCheckpointsIn(Path directory) {
        return new TrainingRequest(train, validation, strategy, listener, exportDir,
                Objects.requireNonNull(directory, "directory"));
    }
}
