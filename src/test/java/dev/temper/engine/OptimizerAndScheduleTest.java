package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.GlorotInitializer;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.strategy.OptimizerSpec;
import dev.temper.engine.strategy.ScheduleSpec;
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

class OptimizerAndScheduleTest {

    @TempDir
    Path tmp;

    @Test
    void stepScheduleDecaysEveryNEpochs() {
        ScheduleSpec step = ScheduleSpec.step(2, 0.5);

        assertThat(List.of(1, 2, 3, 4, 5).stream().map(e -> step.factor(e, 5)).toList())
                .containsExactly(1.0, 1.0, 0.5, 0.5, 0.25);
    }

    @Test
    void cosineFallsTowardsZeroAndWarmupRampsLinearly() {
        ScheduleSpec cosine = ScheduleSpec.cosine();
        assertThat(cosine.factor(1, 4)).isEqualTo(1.0);
        assertThat(cosine.factor(3, 4)).isCloseTo(0.5, within(1e-12));
        assertThat(cosine.factor(4, 4)).isCloseTo(0.1464, within(1e-4));

        ScheduleSpec warm = ScheduleSpec.cosine().withWarmup(2);
        assertThat(warm.factor(1, 6)).isEqualTo(0.5);
        assertThat(warm.factor(2, 6)).isEqualTo(1.0);
        assertThat(warm.factor(3, 6)).isEqualTo(1.0);
        assertThat(warm.factor(5, 6)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void sgdWithMomentumAndAStepScheduleLearns() {
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = TrainingStrategy.of(10, 32, 0.05, 6)
                .withOptimizer(OptimizerSpec.sgd(0.05, 0.9)).withSchedule(ScheduleSpec.step(5, 0.5).withWarmup(1));

        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("sgd")).withListener(epochs::add));

        System.out.println("sgd last epoch: " + epochs.get(9));
        assertThat(epochs.get(9).validationAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void headLearnsFasterThanTheBodyWithDiscriminativeRates() {
        ExportedModel base = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(3, 32, 0.01, 3), tmp.resolve("base")));
        TrainingStrategy strategy = TrainingStrategy.of(2, 32, 1e-6, 4)
                .withOptimizer(OptimizerSpec.sgd(1e-6, 0).withHeadLearningRate(0.5));

        ExportedModel tuned = Trainer.fineTune(base.directory(), TrainingRequest.of(BlobsFixture.blobs(300, 2, 12),
                BlobsFixture.blobs(60, 2, 13), strategy, tmp.resolve("tuned")));

        Map<String, float[]> before = SavedWeights.read(base.directory(), base.manifest().networkLayout());
        Map<String, float[]> after = SavedWeights.read(tuned.directory(), tuned.manifest().networkLayout());
        assertThat(maxChange(before.get("dense0.w"), after.get("dense0.w"))).isLessThan(1e-3);
        assertThat(maxChange(before.get("dense1.w"), after.get("dense1.w"))).isLessThan(1e-3);
        Map<String, float[]> freshHead = GlorotInitializer.initialWeights(tuned.manifest().networkLayout(), 4);
        assertThat(maxChange(freshHead.get("head.w"), after.get("head.w"))).isGreaterThan(1e-2);
    }

    static double maxChange(float[] before, float[] after) {
        double max = 0;
        for (int i = 0; i < before.length; i++) {
            max = Math.max(max, Math.abs(after[i] - before[i]));
        }
        return max;
    }
}
