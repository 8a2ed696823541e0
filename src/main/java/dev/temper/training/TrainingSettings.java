package dev.temper.training;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.List;

/** The stored part of a job spec: the engine's strategy and the network it trains. */
public record TrainingSettings(TrainingStrategy strategy, ArchitectureSpec architecture) {

    public static final ArchitectureSpec DEFAULT_ARCHITECTURE = ArchitectureSpec.mlp(List.of(32, 16));

    /** Defaults of a strategy field the request leaves out: Adam at 0.01, 10 epochs, batches of 32. */
    public static TrainingStrategy defaultStrategy() {
        return TrainingStrategy.of(10, 32, 0.01, 42);
    }
}
