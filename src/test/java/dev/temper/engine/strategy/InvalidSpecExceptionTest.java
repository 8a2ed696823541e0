package dev.temper.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The strategy records name the refused field apart from the message, which keeps its wording. */
class InvalidSpecExceptionTest {

    @Test
    void eachRecordReportsTheFieldItRefused() {
        refused(() -> TrainingStrategy.of(0, 8, 0.1, 1), "epochs", "epochs must be between 1 and 10000, was 0");
        refused(() -> TrainingStrategy.of(1, 8, 0.1, 1).withSchedule(null), "schedule", "schedule must not be null");
        refused(() -> OptimizerSpec.sgd(0.1, 1.0), "momentum", "momentum must be in [0, 1), was 1.0");
        refused(() -> ScheduleSpec.step(2, 1.5), "gamma", "gamma must be in (0, 1], was 1.5");
        refused(() -> AdversarialSpec.fgsm(0, 0.5), "epsilon", "epsilon must be > 0 for FGSM");
        refused(() -> AdversarialSpec.pgd(0.1, 0.01, 3, 1).withWarmup(-1), "warmupEpochs",
                "warmupEpochs must be between 0 and 10000, was -1");
        refused(() -> new RegularizationSpec(0, 0, 1), "labelSmoothing", "labelSmoothing must be in [0, 1), was 1.0");
        refused(() -> FreezeSpec.allButTop(-1), "trainTopLayers", "trainTopLayers must be between 0 and 1000, was -1");
        refused(() -> EarlyStoppingSpec.on(null, 2), "metric", "metric must not be null");
        refused(() -> AugmentationSpec.images(0, false, 0, -0.5, 0), "gaussianNoise",
                "gaussianNoise must be a finite number >= 0, was -0.5");
    }

    @Test
    void theLegacyConstructorReportsItsOwnParameters() {
        refused(() -> new TrainingStrategy(1, 8, 0.001, 0, true, 0, 1), "fgsmEpsilon",
                "fgsmEpsilon must be > 0 when fgsm is enabled, was 0.0");
        refused(() -> new TrainingStrategy(1, 8, 0.001, -1, false, 0, 1), "frozenLayers",
                "frozenLayers must be between 0 and 1000, was -1");
    }

    @Test
    void aFreezeThatDoesNotFitTheModelReportsTheComponentItsMessageCallsFrozenLayers() {
        refused(() -> FreezeSpec.firstLayers(3).requireFits(List.of("dense0", "head")), "firstLayers",
                "frozenLayers (3) exceeds the 1 layers below the head of the model");
    }

    private static void refused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidSpecException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }
}
