package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.strategy.RegularizationSpec;
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

class RegularizationTest {

    @TempDir
    Path tmp;

    @Test
    void weightDecayShrinksTheWeights() {
        ExportedModel plain = train(TrainingStrategy.of(5, 32, 0.01, 2), "plain", new ArrayList<>());
        ExportedModel decayed = train(TrainingStrategy.of(5, 32, 0.01, 2)
                .withRegularization(new RegularizationSpec(0.05, 0, 0)), "decayed", new ArrayList<>());

        assertThat(squaredNorm(decayed)).isLessThan(0.8 * squaredNorm(plain));
    }

    @Test
    void dropoutTrainsButTheExportedGraphIsDeterministicAndDropoutFree() {
        List<EpochMetrics> withDropout = new ArrayList<>();
        List<EpochMetrics> without = new ArrayList<>();
        ExportedModel model = train(TrainingStrategy.of(10, 32, 0.01, 3)
                .withRegularization(new RegularizationSpec(0, 0.3, 0)), "dropout", withDropout);
        train(TrainingStrategy.of(10, 32, 0.01, 3), "none", without);

        assertThat(withDropout.get(9).trainLoss()).isNotEqualTo(without.get(9).trainLoss());
        assertThat(withDropout.get(9).validationAccuracy()).isGreaterThan(0.8);
        TabularData test = BlobsFixture.test();
        float[][] session = SessionLogits.of(model.directory(), test.features());
        float[][] standardized = model.manifest().standardization().apply(test.features());
        try (DjlInference djl = new DjlInference(model.directory(), BlobsFixture.FEATURES)) {
            float[][] first = djl.logits(standardized);
            float[][] second = djl.logits(standardized);
            for (int row = 0; row < test.size(); row++) {
                assertThat(second[row]).containsExactly(first[row]);
                for (int c = 0; c < first[row].length; c++) {
                    assertThat(first[row][c]).isCloseTo(session[row][c], within(1e-5f));
                }
            }
        }
    }

    @Test
    void labelSmoothingKeepsTheTrainingLossAwayFromZero() {
        List<EpochMetrics> smoothed = new ArrayList<>();
        train(TrainingStrategy.of(10, 32, 0.02, 4).withRegularization(new RegularizationSpec(0, 0, 0.3)), "smooth",
                smoothed);

        // With targets 0.8/0.1/0.1 even a perfect classifier pays their entropy, about 0.64 nats.
        assertThat(smoothed.get(9).trainLoss()).isGreaterThan(0.6);
        assertThat(smoothed.get(9).validationAccuracy()).isGreaterThan(0.8);
    }

    private ExportedModel train(TrainingStrategy strategy, String name, List<EpochMetrics> epochs) {
        return Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve(name)).withListener(epochs::add));
    }

    private static double squaredNorm(ExportedModel model) {
        Map<String, float[]> weights = SavedWeights.read(model.directory(), model.manifest().networkLayout());
        double sum = 0;
        for (Map.Entry<String, float[]> entry : weights.entrySet()) {
            if (entry.getKey().endsWith(".w")) {
                for (float w : entry.getValue()) {
                    sum += w * w;
                }
            }
        }
        return sum;
    }
}
