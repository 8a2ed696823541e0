package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.AugmentationSpec;
import dev.temper.engine.strategy.EarlyStoppingSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.EpochMetrics;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingListener;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    @TempDir
    Path tmp;

    /** Every random part is on: shuffling, augmentation, dropout, attacks, plus a schedule and Adam state. */
    private final TrainingStrategy strategy = TrainingStrategy.of(5, 32, 0.01, 13)
            .withSchedule(ScheduleSpec.cosine().withWarmup(1))
            .withRegularization(new RegularizationSpec(1e-4, 0.2, 0.1))
            .withAdversarial(AdversarialSpec.pgd(0.2, 0.1, 2, 0.5))
            .withAugmentation(AugmentationSpec.tabular(0.1, 0.1))
            .withEarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Metric.VALIDATION_LOSS, 5));

    @Test
    void aRunInterruptedAfterEpochTwoAndResumedEqualsTheUninterruptedRun() {
        interruptedAndResumedEqualsUninterrupted(strategy);
    }

    /** TRADES draws its start noise from the attack's per-epoch random and reads beta back from the checkpoint. */
    @Test
    void aTradesRunWithDropoutResumesExactly() {
        interruptedAndResumedEqualsUninterrupted(strategy.withAdversarial(
                AdversarialSpec.trades(0.2, 0.1, 2, 3).withWarmup(2)));
    }

    private void interruptedAndResumedEqualsUninterrupted(TrainingStrategy strategy) {
        List<EpochMetrics> uninterrupted = new ArrayList<>();
        ExportedModel whole = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("whole")).withListener(uninterrupted::add));

        List<EpochMetrics> pieces = new ArrayList<>();
        Path checkpoints = tmp.resolve("checkpoints");
        assertThatThrownBy(() -> Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("never")).withListener(interruptAfterEpoch(2, pieces))
                .withCheckpointsIn(checkpoints)))
                .isInstanceOf(Interrupted.class);
        ExportedModel resumed = Trainer.resume(checkpoints, BlobsFixture.train(), BlobsFixture.validation(),
                pieces::add, tmp.resolve("resumed"));

        assertThat(pieces).isEqualTo(uninterrupted);
        Map<String, float[]> expected = SavedWeights.read(whole.directory(), whole.manifest().networkLayout());
        Map<String, float[]> actual = SavedWeights.read(resumed.directory(), resumed.manifest().networkLayout());
        expected.forEach((name, values) -> assertThat(actual.get(name)).as(name).containsExactly(values));
        assertThat(resumed.manifest()).usingRecursiveComparison().ignoringFields("featureMean", "featureStd")
                .isEqualTo(whole.manifest());
    }

    @Test
    void refusesToResumeOnOtherData() {
        Path checkpoints = tmp.resolve("checkpoints");
        assertThatThrownBy(() -> Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("never"))
                .withListener(interruptAfterEpoch(1, new ArrayList<>())).withCheckpointsIn(checkpoints)))
                .isInstanceOf(Interrupted.class);

        assertThatThrownBy(() -> Trainer.resume(checkpoints, BlobsFixture.blobs(600, 3, 99), BlobsFixture.validation(),
                TrainingListener.ignoring(), tmp.resolve("resumed")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train");
    }

    @Test
    void resumesARunWithoutValidationDataWhoseMetricsAreNaN() {
        TrainingStrategy plain = TrainingStrategy.of(3, 32, 0.01, 2);
        TabularData none = new TabularData(new float[0][], new int[0], BlobsFixture.CLASSES);
        Path checkpoints = tmp.resolve("checkpoints");
        List<EpochMetrics> heard = new ArrayList<>();
        assertThatThrownBy(() -> Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                none, plain, tmp.resolve("never")).withListener(interruptAfterEpoch(1, heard))
                .withCheckpointsIn(checkpoints))).isInstanceOf(Interrupted.class);

        Trainer.resume(checkpoints, BlobsFixture.train(), none, heard::add, tmp.resolve("resumed"));

        assertThat(heard).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        assertThat(heard.get(2).validationLoss()).isNaN();
    }

    private static TrainingListener interruptAfterEpoch(int epoch, List<EpochMetrics> heard) {
        return metrics -> {
            heard.add(metrics);
            if (metrics.epoch() == epoch) {
                throw new Interrupted();
            }
        };
    }

    /** Stands in for a worker that dies between epochs. */
    private static final class Interrupted extends RuntimeException {
    }
}
