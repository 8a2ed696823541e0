package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.BlobsFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.AttackLoss;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.LossAndGradient;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph's attack losses: values as the formulas say, gradients as finite differences of those values. */
class AttackLossGradientTest {

    @TempDir
    Path tmp;

    @Test
    void withFourClassesTheTargetedScaleUsesTheThirdAndFourthLogits() {
        checkLossesAgainstFiniteDifferences(4);
    }

    @Test
    void withThreeClassesTheTargetedScaleFallsBackToTheUntargetedOne() {
        checkLossesAgainstFiniteDifferences(3);
    }

    private void checkLossesAgainstFiniteDifferences(int classes) {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(
                BlobsFixture.blobs(400, classes, 1), BlobsFixture.blobs(100, classes, 2), BlobsFixture.quick(8),
                tmp.resolve("m" + classes)));
        TabularData test = BlobsFixture.blobs(8, classes, 3);
        float[][] raw = test.features();
        int[] labels = test.labels();
        int[] targets = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = (labels[i] + 1 + i % (classes - 1)) % classes;
        }
        float[] std = model.manifest().standardization().std();
        try (GraphAttackTarget graph = new GraphAttackTarget(model.directory(), model.manifest())) {
            // Through the attack space in raw units, so the chain rule is checked too.
            AttackTarget target = AttackSpace.of(new ThreatModel(Norm.LINF, List.of(), EpsilonUnit.RAW_FEATURES),
                    model.manifest().standardization(), null).target(graph);
            for (AttackLoss loss : AttackLoss.values()) {
                LossAndGradient pass = target.lossAndGradient(raw, labels, loss, targets);
                assertThat(pass.logits()).hasDimensions(raw.length, classes);
                for (int i = 0; i < raw.length; i++) {
                    assertThat(pass.logits()[i]).containsExactly(target.logits(new float[][] {raw[i]})[0]);
                    assertThat((double) pass.loss()[i]).as("%s value of row %d", loss, i)
                            .isCloseTo(loss.value(pass.logits()[i], labels[i], targets[i]), within(1e-4));
                    double[] numeric = new double[raw[i].length];
                    double[][] oneSided = new double[raw[i].length][];
                    double largest = 0;
                    for (int j = 0; j < raw[i].length; j++) {
                        double h = 1e-3 * std[j];
                        float[] up = raw[i].clone();
                        float[] down = raw[i].clone();
                        up[j] += (float) h;
                        down[j] -= (float) h;
                        float[] values = target.lossAndGradient(new float[][] {up, down}, new int[] {labels[i], labels[i]},
                                loss, new int[] {targets[i], targets[i]}).loss();
                        // Compared in standardized units (times std), where all features have a similar scale.
                        numeric[j] = (values[0] - values[1]) / (2 * h) * std[j];
                        oneSided[j] = new double[] {(values[0] - pass.loss()[i]) / h * std[j],
                                (pass.loss()[i] - values[1]) / h * std[j]};
                        largest = Math.max(largest, Math.abs(numeric[j]));
                    }
                    if (loss != AttackLoss.CROSS_ENTROPY) {
                        // Cross-entropy of a confident example can round to 0 in float; DLR is scale-free and cannot.
                        assertThat(largest).as("%s gradient of row %d is not zero", loss, i).isPositive();
                    }
                    for (int j = 0; j < raw[i].length; j++) {
                        // A ReLU kink within h of the point makes the central difference an average of two
                        // slopes; the graph's gradient is then one of the one-sided ones.
                        double analytic = pass.gradient()[i][j] * (double) std[j];
                        double nearest = Math.min(Math.abs(analytic - numeric[j]),
                                Math.min(Math.abs(analytic - oneSided[j][0]), Math.abs(analytic - oneSided[j][1])));
                        assertThat(nearest).as("%s d/dx%d of row %d: %s vs %s", loss, j, i, analytic, numeric[j])
                                .isLessThanOrEqualTo(0.05 * largest + 1e-4);
                    }
                }
            }
            float[] alone = target.lossAndGradient(new float[][] {raw[0]}, new int[] {labels[0]}, AttackLoss.DLR, null)
                    .gradient()[0];
            assertThat(target.lossAndGradient(raw, labels, AttackLoss.DLR, null).gradient()[0])
                    .as("each example's own gradient, not scaled by the batch")
                    .containsExactly(alone, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(classes);
        }
    }
}
