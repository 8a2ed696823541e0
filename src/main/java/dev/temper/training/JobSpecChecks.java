package dev.temper.training;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.engine.strategy.TrainingStrategy;

/** Checks that need both the strategy and the network, made on submit so a job never fails on them later. */
final class JobSpecChecks {

    private JobSpecChecks() {
    }

    static void requireFits(TrainingStrategy strategy, ArchitectureSpec architecture) {
        try {
            strategy.freeze().requireFits(architecture.layerNames());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("strategy.freeze: " + e.getMessage());
        }
    }
}
