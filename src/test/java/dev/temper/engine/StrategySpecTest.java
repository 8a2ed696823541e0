package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.engine.model.CnnArchitecture;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.AugmentationSpec;
import dev.temper.engine.strategy.EarlyStoppingSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.OptimizerSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class StrategySpecTest {

    @Test
    void everyInvalidValueIsRefusedNamingItsField() {
        refused(() -> new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 1.0, 0), "momentum");
        refused(() -> OptimizerSpec.adam(0), "learningRate");
        refused(() -> OptimizerSpec.adam(0.1).withHeadLearningRate(-1), "headLearningRate");
        refused(() -> ScheduleSpec.step(0, 0.5), "stepEpochs");
        refused(() -> ScheduleSpec.step(2, 1.5), "gamma");
        refused(() -> ScheduleSpec.cosine().withWarmup(-1), "warmupEpochs");
        refused(() -> AdversarialSpec.fgsm(0.1, 0), "ratio must be in (0, 1]");
        refused(() -> AdversarialSpec.fgsm(0.1, 1.5), "ratio");
        refused(() -> AdversarialSpec.fgsm(0, 0.5), "epsilon");
        refused(() -> new AdversarialSpec(AdversarialSpec.Method.PGD, 0.1, 0, 3, true, 1, false, 0), "stepSize");
        refused(() -> AdversarialSpec.pgd(0.1, 0.01, 0, 1), "steps");
        refused(() -> new RegularizationSpec(-1, 0, 0), "weightDecay");
        refused(() -> new RegularizationSpec(0, 1, 0), "dropout");
        refused(() -> new RegularizationSpec(0, 0, 1), "labelSmoothing");
        refused(() -> EarlyStoppingSpec.on(EarlyStoppingSpec.Metric.VALIDATION_LOSS, 0), "patience");
        refused(() -> FreezeSpec.firstLayers(-1), "firstLayers");
        refused(() -> FreezeSpec.allButTop(1).withGradualUnfreezing(-2), "unfreezeEveryEpochs");
        refused(() -> AugmentationSpec.images(-1, false, 0, 0, 0), "maxShift");
        refused(() -> AugmentationSpec.images(0, false, 190, 0, 0), "maxRotationDegrees");
        refused(() -> AugmentationSpec.tabular(0, 1), "featureDropout");
        refused(() -> TrainingStrategy.of(1, 8, 0.1, 1).withOptimizer(null), "optimizer");
        refused(() -> new CnnArchitecture(28, 28, 1, List.of(), List.of(64)), "convFilters");
        refused(() -> new CnnArchitecture(28, 0, 1, List.of(8), List.of(64)), "width");
        refused(() -> new CnnArchitecture(28, 28, 1, Arrays.asList(8, null), List.of(64)), "convFilters");
        refused(() -> FreezeSpec.named(Arrays.asList("conv0", null)), "layerNames");
    }

    @Test
    void legacyConstructorMeansAdamFrozenLeadingLayersAndFgsmBesideClean() {
        TrainingStrategy legacy = new TrainingStrategy(3, 16, 0.001, 2, true, 0.1, 99);

        assertThat(legacy.optimizer()).isEqualTo(OptimizerSpec.adam(0.001));
        assertThat(legacy.freeze()).isEqualTo(FreezeSpec.firstLayers(2));
        assertThat(legacy.adversarial()).isEqualTo(AdversarialSpec.fgsmBesideClean(0.1));
        assertThat(legacy.schedule()).isEqualTo(ScheduleSpec.constant());
        assertThat(legacy.learningRate()).isEqualTo(0.001);
        assertThat(legacy.frozenLayers()).isEqualTo(2);
        assertThat(legacy.fgsm()).isTrue();
        assertThat(legacy.fgsmEpsilon()).isEqualTo(0.1);
    }

    @Test
    void aFullStrategyRoundTripsThroughJson() throws Exception {
        TrainingStrategy strategy = TrainingStrategy.of(7, 64, 0.02, 5)
                .withOptimizer(OptimizerSpec.sgd(0.02, 0.9).withHeadLearningRate(0.1))
                .withSchedule(ScheduleSpec.step(3, 0.1).withWarmup(1))
                .withAdversarial(AdversarialSpec.pgd(0.03, 0.01, 5, 0.5).withWarmup(2))
                .withRegularization(new RegularizationSpec(1e-4, 0.25, 0.1))
                .withFreeze(FreezeSpec.named(List.of("conv0")).withGradualUnfreezing(2))
                .withEarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Metric.VALIDATION_ACCURACY, 3))
                .withAugmentation(AugmentationSpec.images(2, true, 10, 0.05, 4));
        ObjectMapper json = new ObjectMapper();

        TrainingStrategy read = json.readValue(json.writeValueAsString(strategy), TrainingStrategy.class);

        assertThat(read).isEqualTo(strategy);
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
