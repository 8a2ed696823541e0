package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.SavedWeights;
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

class FineTuneTest {

    @TempDir
    Path tmp;

    @Test
    void frozenLayerKeepsItsWeightsBitForBitWhileTheHeadLearns() {
        ExportedModel base = pretrainBase();
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = new TrainingStrategy(5, 32, 0.01, 1, false, 0, 21);

        ExportedModel tuned = Trainer.fineTune(base.directory(), TrainingRequest.of(BlobsFixture.blobs(300, 3, 9),
                BlobsFixture.validation(), strategy, tmp.resolve("tuned")).withListener(epochs::add));

        Map<String, float[]> before = SavedWeights.read(base.directory(), base.manifest().networkLayout());
        Map<String, float[]> after = SavedWeights.read(tuned.directory(), tuned.manifest().networkLayout());
        assertThat(after.get("dense0.w")).containsExactly(before.get("dense0.w"));
        assertThat(after.get("dense0.b")).containsExactly(before.get("dense0.b"));
        assertThat(after.get("dense1.w")).isNotEqualTo(before.get("dense1.w"));
        assertThat(after.get("head.w")).isNotEqualTo(before.get("head.w"));
        assertThat(epochs).hasSize(5);
        assertThat(tuned.manifest().parentSha256()).isEqualTo(base.sha256());
        assertThat(tuned.manifest().featureMean()).containsExactly(base.manifest().featureMean());
        assertThat(tuned.manifest().featureStd()).containsExactly(base.manifest().featureStd());
        assertThat(tuned.manifest().frozenLayers()).isEqualTo(1);
    }

    @Test
    void newClassCountGetsAFreshHeadOnTopOfTheBaseLayers() {
        ExportedModel base = pretrainBase();
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = new TrainingStrategy(8, 32, 0.01, 2, false, 0, 22);

        ExportedModel tuned = Trainer.fineTune(base.directory(), TrainingRequest.of(BlobsFixture.blobs(300, 2, 10),
                BlobsFixture.blobs(200, 2, 11), strategy, tmp.resolve("two-classes")).withListener(epochs::add));

        Map<String, float[]> before = SavedWeights.read(base.directory(), base.manifest().networkLayout());
        Map<String, float[]> after = SavedWeights.read(tuned.directory(), tuned.manifest().networkLayout());
        assertThat(tuned.manifest().classCount()).isEqualTo(2);
        assertThat(after.get("head.w")).hasSize(8 * 2);
        assertThat(after.get("dense0.w")).containsExactly(before.get("dense0.w"));
        assertThat(after.get("dense1.w")).containsExactly(before.get("dense1.w"));
        assertThat(epochs.get(epochs.size() - 1).validationAccuracy()).isGreaterThan(0.7);
    }

    private ExportedModel pretrainBase() {
        return Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(6, 32, 0.01, 3), tmp.resolve("base")));
    }
}
