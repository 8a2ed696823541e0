package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.strategy.EarlyStoppingSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.EpochMetrics;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyStoppingTest {

    @TempDir
    Path tmp;

    @Test
    void stopsAfterPatienceAndExportsTheBestEpochsWeights() {
        // No later epoch can beat the first by a whole accuracy point, so epoch 1 stays the best.
        TrainingStrategy strategy = TrainingStrategy.of(10, 32, 0.01, 8)
                .withEarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Metric.VALIDATION_ACCURACY, 2, 1.0));
        List<EpochMetrics> epochs = new ArrayList<>();

        ExportedModel stopped = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("stopped")).withListener(epochs::add));
        ExportedModel oneEpoch = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(1, 32, 0.01, 8), tmp.resolve("one")));

        assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        Map<String, float[]> best = SavedWeights.read(stopped.directory(), stopped.manifest().networkLayout());
        Map<String, float[]> first = SavedWeights.read(oneEpoch.directory(), oneEpoch.manifest().networkLayout());
        first.forEach((name, values) -> assertThat(best.get(name)).as(name).containsExactly(values));
    }

    @Test
    void onValidationLossItRunsOnWhileTheLossImproves() {
        TrainingStrategy strategy = TrainingStrategy.of(6, 32, 0.01, 9)
                .withEarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Metric.VALIDATION_LOSS, 3));
        List<EpochMetrics> epochs = new ArrayList<>();

        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("m")).withListener(epochs::add));

        assertThat(epochs).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void refusesEarlyStoppingWithoutValidationData() {
        TrainingStrategy strategy = TrainingStrategy.of(2, 32, 0.01, 9)
                .withEarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Metric.VALIDATION_LOSS, 1));
        TabularData empty = new TabularData(new float[0][], new int[0], BlobsFixture.CLASSES);

        assertThatThrownBy(() -> Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                empty, strategy, tmp.resolve("m"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlyStopping");
    }
}
