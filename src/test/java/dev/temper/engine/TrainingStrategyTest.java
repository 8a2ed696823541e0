package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.model.MlpArchitecture;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStrategyTest {

    @TempDir
    Path tmp;

    @Test
    void refusesZeroEpochs() {
        assertThatThrownBy(() -> new TrainingStrategy(0, 32, 0.01, 0, false, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs");
    }

    @Test
    void refusesNegativeLearningRate() {
        assertThatThrownBy(() -> new TrainingStrategy(1, 32, -0.01, 0, false, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
    }

    @Test
    void refusesFgsmWithoutPositiveEpsilon() {
        assertThatThrownBy(() -> new TrainingStrategy(1, 32, 0.01, 0, true, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fgsmEpsilon");
        assertThatThrownBy(() -> new TrainingStrategy(1, 32, 0.01, 0, true, -0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fgsmEpsilon");
    }

    @Test
    void refusesNegativeFrozenLayersAndBatchSize() {
        assertThatThrownBy(() -> new TrainingStrategy(1, 32, 0.01, -1, false, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frozenLayers");
        assertThatThrownBy(() -> new TrainingStrategy(1, 0, 0.01, 0, false, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }

    @Test
    void refusesFreezingMoreLayersThanTheModelHas() {
        TrainingStrategy freezeThree = new TrainingStrategy(1, 32, 0.01, 3, false, 0, 1);

        assertThatThrownBy(() -> Trainer.pretrain(new MlpArchitecture(List.of(8, 4)),
                TrainingRequest.of(BlobsFixture.train(), BlobsFixture.validation(), freezeThree, tmp.resolve("m"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frozenLayers");
    }

    @Test
    void acceptsAValidStrategy() {
        assertThatCode(() -> new TrainingStrategy(3, 16, 0.001, 2, true, 0.1, 99)).doesNotThrowAnyException();
    }
}
