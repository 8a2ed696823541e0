package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.DatasetVersionFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFitsDatasetTest {

    private final DatasetVersion digits = DatasetVersionFixture.version("digits", 1, List.of("0", "1"), List.of(28, 28, 1));
    private final ModelVersion cnn = model("cnn", digits);

    @Test
    void aModelFitsTheDataItWasTrainedOn() {
        assertThat(ModelFitsDataset.inputs(cnn, digits).allowed()).isTrue();
        assertThat(ModelFitsDataset.forEvaluation(cnn, digits).allowed()).isTrue();
    }

    @Test
    void aShiftedCopyWithTheSameClassesAndShapeFits() {
        DatasetVersion shifted = DatasetVersionFixture.version("digits-rotated", 1, List.of("0", "1"), List.of(784));

        assertThat(ModelFitsDataset.forEvaluation(cnn, shifted).allowed()).isTrue();
    }

    @Test
    void otherClassesCanBeFineTunedOnButNotScored() {
        DatasetVersion letters = DatasetVersionFixture.version("letters", 1, List.of("a", "b"), List.of(28, 28, 1));

        assertThat(ModelFitsDataset.inputs(cnn, letters).allowed()).isTrue();
        assertThat(ModelFitsDataset.forEvaluation(cnn, letters).reason())
                .isEqualTo("letters v1 has the classes [a, b], cnn v1 predicts [0, 1]");
    }

    @Test
    void samplesOfAnotherSizeFitNeither() {
        DatasetVersion small = DatasetVersionFixture.version("small", 3, List.of("0", "1"), List.of(14, 14, 1));

        assertThat(ModelFitsDataset.inputs(cnn, small).reason())
                .isEqualTo("cnn v1 takes 784 values per sample, small v3 has 196");
        assertThat(ModelFitsDataset.forEvaluation(cnn, small).allowed()).isFalse();
    }

    private static ModelVersion model(String name, DatasetVersion trainedOn) {
        ModelVersion model = new ModelVersion();
        model.name = name;
        model.version = 1;
        model.team = trainedOn.team;
        model.datasetVersion = trainedOn;
        return model;
    }
}
