package dev.temper.engine.training;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.Map;

/**
 * The engine's own training loop on a fresh run without validation or checkpoints, nothing around it:
 * what the speed benchmark times against {@link BareTrainingLoop}. The benchmark lives in another package
 * and {@link TrainingLoop} is package-private.
 */
public final class EngineTrainingLoop {

    private EngineTrainingLoop() {
    }

    /** Trains on rows as they are (no standardization) and returns the weights after the last epoch. */
    public static Map<String, float[]> train(NetworkLayout layout, TrainingStrategy strategy,
                                             Map<String, float[]> initial, TabularData train,
                                             TrainingListener listener) {
        return new TrainingLoop(layout, strategy, listener).train(TrainingProgress.fresh(initial),
                TrainingLoop.Checkpoints.NONE, train.features(), train.labels(), new float[0][], new int[0]);
    }
}
