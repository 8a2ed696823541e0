package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustnessEvaluatorTest {

    @TempDir
    Path tmp;

    @Test
    void fgsmLowersAccuracyAndEpsilonZeroEqualsClean() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), TrainingListener.ignoring(), tmp.resolve("m"));

        EvaluationReport report = RobustnessEvaluator.evaluate(model.directory(), BlobsFixture.test(),
                List.of(1.0, 0.0, 0.25));

        System.out.println("evaluation: " + report);
        assertThat(report.examples()).isEqualTo(300);
        assertThat(report.cleanAccuracy()).isGreaterThan(0.8);
        assertThat(report.fgsmAccuracy()).containsOnlyKeys(0.0, 0.25, 1.0);
        assertThat(report.fgsmAccuracy().get(0.0)).isEqualTo(report.cleanAccuracy());
        assertThat(report.fgsmAccuracy().get(0.25)).isLessThanOrEqualTo(report.cleanAccuracy());
        assertThat(report.fgsmAccuracy().get(1.0)).isLessThan(report.cleanAccuracy());
        assertThat(report.fgsmAccuracy().get(1.0)).isLessThanOrEqualTo(report.fgsmAccuracy().get(0.25));
        assertThat(report.modelSha256()).isEqualTo(model.sha256());
        assertThat(report.engineVersion()).isNotBlank();
    }
}
