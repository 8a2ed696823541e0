package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.Classification;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportedModelTest {

    @TempDir
    Path tmp;

    @Test
    void djlPredictionsEqualTheTensorFlowSessionOnEveryRow() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(4), tmp.resolve("m")));
        TabularData test = BlobsFixture.test();

        float[][] session = SessionLogits.of(model.directory(), test.features());
        float[][] djl;
        try (DjlInference inference = new DjlInference(model.directory(), BlobsFixture.FEATURES)) {
            djl = inference.logits(model.manifest().standardization().apply(test.features()));
        }

        assertThat(djl).hasNumberOfRows(test.size());
        for (int row = 0; row < test.size(); row++) {
            assertThat(Classification.argMax(djl[row])).as("argmax of row %d", row)
                    .isEqualTo(Classification.argMax(session[row]));
            for (int c = 0; c < djl[row].length; c++) {
                assertThat(djl[row][c]).as("logit %d of row %d", c, row).isCloseTo(session[row][c], within(1e-5f));
            }
        }
    }

    @Test
    void manifestRoundTripsThroughJson() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(1, 64, 0.01, 4), tmp.resolve("m")));

        ModelManifest read = ModelManifest.read(model.directory());

        assertThat(read.signature()).isEqualTo("serving_default");
        assertThat(read.tensorflowVersion()).isNotBlank();
        assertThat(read.djlVersion()).isNotBlank();
        assertThat(read.featureMean()).containsExactly(model.manifest().featureMean());
        assertThat(read.hiddenWidths()).isEqualTo(model.manifest().hiddenWidths());
    }
}
