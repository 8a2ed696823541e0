package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.Classification;
import dev.temper.engine.model.CnnArchitecture;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.AugmentationSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.EpochMetrics;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnTrainerTest {

    @TempDir
    Path tmp;

    @Test
    void cnnLearnsShapesWellAboveChanceAndDjlMatchesTheSession() {
        List<EpochMetrics> epochs = new ArrayList<>();
        long start = System.nanoTime();
        ExportedModel model = Trainer.pretrain(ImagesFixture.architecture(1),
                TrainingRequest.of(ImagesFixture.images(600, 3, 1, 1), ImagesFixture.images(150, 3, 1, 2),
                TrainingStrategy.of(8, 32, 0.01, 3), tmp.resolve("cnn")).withListener(epochs::add));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("cnn 8x8x1: %s; %.0f train samples/s%n", epochs.get(epochs.size() - 1),
                600 * 8 / seconds);

        assertThat(epochs.get(epochs.size() - 1).validationAccuracy()).isGreaterThan(0.8); // chance is 1/3
        ModelManifest manifest = ModelManifest.read(model.directory());
        assertThat(manifest.architecture()).isEqualTo(ModelManifest.CNN);
        assertThat(manifest.inputShape()).containsExactly(8, 8, 1);
        assertThat(manifest.convFilters()).containsExactly(8, 16);
        TabularData test = ImagesFixture.images(90, 3, 1, 3);
        float[][] session = SessionLogits.of(model.directory(), test.features());
        try (DjlInference djl = new DjlInference(model.directory(), manifest.inputDim())) {
            float[][] served = djl.logits(test.features());
            for (int row = 0; row < test.size(); row++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(served[row][c]).as("logit %d of row %d", c, row).isCloseTo(session[row][c], within(1e-4f));
                }
            }
            assertThat(Classification.correct(served, test.labels()) / 90.0).isGreaterThan(0.8);
        }
    }

    @Test
    void cnnFineTunesOntoANewClassCountKeepingFrozenConvWeights() {
        ExportedModel base = Trainer.pretrain(ImagesFixture.architecture(3),
                TrainingRequest.of(ImagesFixture.images(150, 3, 3, 1), ImagesFixture.images(30, 3, 3, 2),
                TrainingStrategy.of(2, 32, 0.01, 3), tmp.resolve("base")));

        ExportedModel tuned = Trainer.fineTune(base.directory(), TrainingRequest.of(ImagesFixture.images(160, 4, 3, 4),
                ImagesFixture.images(40, 4, 3, 5), new TrainingStrategy(2, 32, 0.01, 2, false, 0, 5),
                tmp.resolve("tuned")));

        Map<String, float[]> before = SavedWeights.read(base.directory(), base.manifest().networkLayout());
        Map<String, float[]> after = SavedWeights.read(tuned.directory(), tuned.manifest().networkLayout());
        assertThat(after.get("conv0.w")).containsExactly(before.get("conv0.w"));
        assertThat(after.get("conv1.b")).containsExactly(before.get("conv1.b"));
        assertThat(after.get("dense0.w")).isNotEqualTo(before.get("dense0.w"));
        assertThat(after.get("head.w")).hasSize(16 * 4);
        assertThat(tuned.manifest().inputShape()).containsExactly(8, 8, 3);
    }

    @Test
    void refusesRowsThatAreNotImagesOfTheDeclaredShape() {
        assertThatThrownBy(() -> Trainer.pretrain(new CnnArchitecture(28, 28, 1, List.of(4), List.of(8)),
                TrainingRequest.of(ImagesFixture.images(10, 3, 1, 1), ImagesFixture.images(3, 3, 1, 2),
                TrainingStrategy.of(1, 8, 0.01, 1), tmp.resolve("m"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("28x28x1");
    }

    @Test
    void fullSizeCnnsFor28x28GreyAnd32x32RgbTrainExportAndServe() {
        for (int[] shape : new int[][] {{28, 28, 1}, {32, 32, 3}}) {
            CnnArchitecture arch = new CnnArchitecture(shape[0], shape[1], shape[2], List.of(16, 32), List.of(64));
            TabularData train = noise(256, arch.inputDim(), 1);
            long start = System.nanoTime();
            ExportedModel model = Trainer.pretrain(arch, TrainingRequest.of(train, noise(16, arch.inputDim(), 2),
                    TrainingStrategy.of(1, 64, 0.001, 1), tmp.resolve("cnn" + shape[0])));
            System.out.printf("cnn %dx%dx%d: %.0f train samples/s (incl. graph build and export)%n", shape[0],
                    shape[1], shape[2], 256 / ((System.nanoTime() - start) / 1e9));
            float[][] session = SessionLogits.of(model.directory(), train.features());
            try (DjlInference djl = new DjlInference(model.directory(), arch.inputDim())) {
                float[][] served = djl.logits(train.features());
                assertThat(served).hasNumberOfRows(256);
                assertThat(served[0][1]).isCloseTo(session[0][1], within(1e-4f));
            }
        }
    }

    @Test
    void cnnRunWithEveryRandomPartOnIsRepeatableFromItsSeed() {
        TrainingStrategy strategy = TrainingStrategy.of(2, 32, 0.01, 17)
                .withSchedule(ScheduleSpec.cosine().withWarmup(1))
                .withRegularization(new RegularizationSpec(1e-4, 0.25, 0.1))
                .withAdversarial(AdversarialSpec.pgd(0.05, 0.02, 2, 0.5))
                .withAugmentation(AugmentationSpec.images(1, true, 10, 0.05, 2));
        List<EpochMetrics> first = new ArrayList<>();
        List<EpochMetrics> second = new ArrayList<>();

        Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(ImagesFixture.images(150, 3, 1, 1),
                ImagesFixture.images(30, 3, 1, 2), strategy, tmp.resolve("a")).withListener(first::add));
        Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(ImagesFixture.images(150, 3, 1, 1),
                ImagesFixture.images(30, 3, 1, 2), strategy, tmp.resolve("b")).withListener(second::add));

        assertThat(second).isEqualTo(first);
    }

    private static TabularData noise(int rows, int width, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][width];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                features[i][j] = random.nextFloat();
            }
            labels[i] = i % 3;
        }
        return new TabularData(features, labels, 3);
    }
}
