package dev.temper.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.BlobsFixture;
import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.CnnLayout;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.GlorotInitializer;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.TensorFlowRuntime;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Session;

class AdversarialTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void pgdStaysInsideTheEpsilonBallAndThePixelRangeAndReplacesOnlyTheRatio() {
        TensorFlowRuntime.engine();
        CnnLayout layout = new CnnLayout(8, 8, 1, List.of(4), List.of(8), 3);
        TabularData images = ImagesFixture.images(10, 3, 1, 7);
        AdversarialSpec pgd = AdversarialSpec.pgd(0.1, 0.04, 3, 0.5);
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            model.loss();
            model.assign(session, GlorotInitializer.initialWeights(layout, 1));
            AdversarialExamples examples = new AdversarialExamples(pgd, new GraphSession(model, session), true);

            AdversarialExamples.Batch batch = examples.apply(images.features(), images.labels(), 1, new Random(3));

            assertThat(batch.y()).containsExactly(images.labels());
            for (int row = 0; row < 10; row++) {
                float[] clean = images.features()[row];
                float[] adversarial = batch.x()[row];
                if (row >= 5) {
                    assertThat(adversarial).as("row %d is outside the ratio", row).isSameAs(clean);
                    continue;
                }
                assertThat(adversarial).as("row %d", row).isNotEqualTo(clean);
                for (int j = 0; j < clean.length; j++) {
                    assertThat(adversarial[j]).isBetween(0f, 1f);
                    assertThat(Math.abs(adversarial[j] - clean[j])).isLessThanOrEqualTo(0.1f + 1e-6f);
                }
            }
        }
    }

    @Test
    void cnnTrainedWithPgdOnHalfOfEachBatchAndEpsilonWarmupStillLearns() {
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = TrainingStrategy.of(6, 32, 0.01, 4)
                .withAdversarial(AdversarialSpec.pgd(0.1, 0.05, 2, 0.5).withWarmup(2));

        ExportedModel model = Trainer.pretrain(ImagesFixture.architecture(1),
                TrainingRequest.of(ImagesFixture.images(300, 3, 1, 1), ImagesFixture.images(90, 3, 1, 2), strategy,
                tmp.resolve("pgd")).withListener(epochs::add));

        System.out.println("pgd cnn last epoch: " + epochs.get(5));
        assertThat(epochs.get(5).validationAccuracy()).isGreaterThan(0.8);
        assertThat(model.manifest().fgsmEpsilon()).isEqualTo(0.1);
    }

    @Test
    void epsilonGrowsLinearlyDuringWarmup() {
        AdversarialSpec spec = AdversarialSpec.fgsm(0.4, 1).withWarmup(4);

        assertThat(spec.epsilonAt(1)).isEqualTo(0.1);
        assertThat(spec.epsilonAt(2)).isEqualTo(0.2);
        assertThat(spec.epsilonAt(4)).isEqualTo(0.4);
        assertThat(spec.epsilonAt(9)).isEqualTo(0.4);
    }

    @Test
    void fgsmOnAShareOfTheBatchChangesTheRunButKeepsItRepeatable() {
        TrainingStrategy strategy = TrainingStrategy.of(2, 32, 0.01, 5).withAdversarial(AdversarialSpec.fgsm(0.3, 0.5));
        List<EpochMetrics> first = new ArrayList<>();
        List<EpochMetrics> second = new ArrayList<>();
        List<EpochMetrics> clean = new ArrayList<>();

        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("a")).withListener(first::add));
        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("b")).withListener(second::add));
        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(2, 32, 0.01, 5), tmp.resolve("c"))
                .withListener(clean::add));

        assertThat(second).isEqualTo(first);
        assertThat(clean).isNotEqualTo(first);
    }
}
