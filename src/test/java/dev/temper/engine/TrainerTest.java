package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.model.Standardization;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.EpochMetrics;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path tmp;

    @Test
    void learnsBlobsWellAboveChanceAndReportsEveryEpoch() {
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = BlobsFixture.quick(7);

        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("base")).withListener(epochs::add));

        assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(
                IntStream.rangeClosed(1, strategy.epochs()).boxed().toArray(Integer[]::new));
        assertThat(epochs).allSatisfy(m -> assertThat(m.totalEpochs()).isEqualTo(strategy.epochs()));
        EpochMetrics last = epochs.get(epochs.size() - 1);
        System.out.println("pretrain last epoch: " + last);
        assertThat(last.validationAccuracy()).isGreaterThan(0.8); // chance is 1/3
        assertThat(last.trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(Files.exists(model.directory().resolve("saved_model.pb"))).isTrue();
        assertThat(model.sha256()).hasSize(64).isEqualTo(ContentHash.of(model.directory()));
        ModelManifest manifest = ModelManifest.read(model.directory());
        assertThat(manifest.inputDim()).isEqualTo(BlobsFixture.FEATURES);
        assertThat(manifest.hiddenWidths()).containsExactly(16, 8);
        assertThat(manifest.classCount()).isEqualTo(3);
        assertThat(manifest.parentSha256()).isNull();
        assertThat(manifest.featureStd()[3]).isGreaterThan(50f); // raw scale 100 was measured, not assumed
        assertThat(manifest.classNames()).containsExactly("0", "1", "2");
    }

    @Test
    void theManifestNamesTheClassesOfTheTrainingData() {
        List<String> names = List.of("setosa", "versicolor", "virginica");
        TabularData train = named(BlobsFixture.train(), names);

        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(train,
                named(BlobsFixture.validation(), names), BlobsFixture.quick(2), tmp.resolve("named")));

        assertThat(model.manifest().classNames()).isEqualTo(names);
        assertThat(ModelManifest.read(model.directory()).classNames()).isEqualTo(names);
        Assertions.assertThatThrownBy(() ->
                        new TabularData(train.features(), train.labels(), 3, List.of("only-one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classNames");
    }

    private static TabularData named(TabularData data, List<String> names) {
        return new TabularData(data.features(), data.labels(), data.classCount(), names);
    }

    @Test
    void sameSeedGivesIdenticalMetricsAndWeights() {
        List<EpochMetrics> first = new ArrayList<>();
        List<EpochMetrics> second = new ArrayList<>();
        TrainingStrategy strategy = TrainingStrategy.of(4, 32, 0.01, 11);

        ExportedModel a = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("a")).withListener(first::add));
        ExportedModel b = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("b")).withListener(second::add));

        assertThat(second).isEqualTo(first);
        Map<String, float[]> weightsA = SavedWeights.read(a.directory(), a.manifest().networkLayout());
        Map<String, float[]> weightsB = SavedWeights.read(b.directory(), b.manifest().networkLayout());
        assertThat(weightsB).containsOnlyKeys(weightsA.keySet());
        weightsA.forEach((name, values) -> assertThat(weightsB.get(name)).as(name).containsExactly(values));
    }

    @Test
    void differentSeedGivesDifferentRun() {
        List<EpochMetrics> first = new ArrayList<>();
        List<EpochMetrics> second = new ArrayList<>();
        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(2, 32, 0.01, 1), tmp.resolve("a"))
                .withListener(first::add));
        Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(2, 32, 0.01, 2), tmp.resolve("b"))
                .withListener(second::add));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void fgsmAdversarialTrainingYieldsAUsableModel() {
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = new TrainingStrategy(10, 32, 0.01, 0, true, 0.3, 5);

        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), strategy, tmp.resolve("fgsm")).withListener(epochs::add));

        assertThat(epochs).hasSize(10);
        System.out.println("fgsm last epoch: " + epochs.get(9));
        assertThat(epochs.get(9).validationAccuracy()).isGreaterThan(0.7);
        assertThat(model.manifest().fgsmEpsilon()).isEqualTo(0.3);
        RobustnessReport report = RobustnessEvaluator.evaluateSuite(model.directory(), BlobsFixture.test(),
                EvaluationSpec.tabular(List.of(0.3)).withSuite(SuiteVersion.QUICK)
                        .withTrainStd(Standardization.fit(BlobsFixture.train()).std()));
        assertThat(report.clean().accuracy().value()).isGreaterThan(0.7);
    }

    @Test
    void refusesANonEmptyExportDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(dir.resolve("stale.txt"), "old");

        Assertions.assertThatThrownBy(() -> Trainer.pretrain(BlobsFixture.architecture(),
                        TrainingRequest.of(BlobsFixture.train(), BlobsFixture.validation(),
                        TrainingStrategy.of(1, 32, 0.01, 1), dir)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exportDir");
    }
}
