package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.BlobsFixture;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.metrics.Logits;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.Classification;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientAttacksTest {

    @TempDir
    Path tmp;

    @Test
    void rawInputGradientMatchesFiniteDifferencesOfTheLoss() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("r")));
        float[][] raw = Arrays.copyOf(BlobsFixture.test().features(), 5);
        int[] labels = Arrays.copyOf(BlobsFixture.test().labels(), 5);
        float[] std = model.manifest().standardization().std();
        try (GraphAttackTarget graph = new GraphAttackTarget(model.directory(), model.manifest())) {
            AttackTarget target = AttackSpace.of(new ThreatModel(Norm.LINF, List.of(), EpsilonUnit.RAW_FEATURES),
                    model.manifest().standardization(), null).target(graph);
            float[][] gradient = target.lossGradient(raw, labels);
            for (int i = 0; i < raw.length; i++) {
                // Compared in standardized units (times std), where all features have a similar scale.
                double[] numeric = new double[raw[i].length];
                double largest = 0;
                for (int j = 0; j < raw[i].length; j++) {
                    double h = 1e-3 * std[j];
                    float[] up = raw[i].clone();
                    float[] down = raw[i].clone();
                    up[j] += (float) h;
                    down[j] -= (float) h;
                    float[][] logits = target.logits(new float[][] {up, down});
                    numeric[j] = (Logits.negativeLogLikelihood(logits[0], labels[i])
                            - Logits.negativeLogLikelihood(logits[1], labels[i])) / (2 * h) * std[j];
                    largest = Math.max(largest, Math.abs(numeric[j]));
                }
                for (int j = 0; j < raw[i].length; j++) {
                    assertThat(gradient[i][j] * (double) std[j]).isCloseTo(numeric[j],
                            Assertions.within(0.05 * largest + 1e-4));
                }
            }
        }
    }

    @Test
    void lossGradientIsPerExampleNotScaledByTheBatch() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("g")));
        float[][] inputs = model.manifest().standardization().apply(BlobsFixture.test().features());
        int[] labels = BlobsFixture.test().labels();
        try (GraphAttackTarget target = new GraphAttackTarget(model.directory(), model.manifest())) {
            float[] alone = target.lossGradient(new float[][] {inputs[0]}, new int[] {labels[0]})[0];
            float[] inBatch = target.lossGradient(Arrays.copyOf(inputs, 50),
                    Arrays.copyOf(labels, 50))[0];
            for (int j = 0; j < alone.length; j++) {
                assertThat(inBatch[j]).isCloseTo(alone[j], Assertions.within(1e-4f));
            }
            assertThat(Classification.argMax(target.logits(new float[][] {inputs[0]})[0])).isBetween(0, 2);
        }
    }
}
