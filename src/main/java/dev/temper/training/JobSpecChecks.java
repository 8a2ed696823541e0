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
        if (architecture.type() == ArchitectureSpec.Type.CNN) {
            requireWithinImageRange(strategy);
        }
    }

    /**
     * A CNN reads pixels in [0, 1], so a perturbation or noise above 1 is no longer a perturbation: it is a typo
     * (255 for 8/255, say), and the attack it asks for would say nothing about robustness.
     */
    private static void requireWithinImageRange(TrainingStrategy strategy) {
        requireAtMostOne(strategy.adversarial().epsilon(), "strategy.adversarial.epsilon");
        requireAtMostOne(strategy.adversarial().stepSize(), "strategy.adversarial.stepSize");
        requireAtMostOne(strategy.augmentation().gaussianNoise(), "strategy.augmentation.gaussianNoise");
    }

    private static void requireAtMostOne(double value, String field) {
        if (value > 1) {
            throw ProblemException.badRequest(field + " must be <= 1 for image models (pixels are in [0, 1]), was "
                    + value);
        }
    }
}
