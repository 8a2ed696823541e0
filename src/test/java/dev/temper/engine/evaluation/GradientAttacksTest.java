package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.BlobsFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.attacks.Fgsm;
import dev.temper.engine.evaluation.attacks.GradientMaskingSentinel;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.evaluation.attacks.RandomSearch;
import dev.temper.engine.evaluation.attacks.RobustnessCurve;
import dev.temper.engine.evaluation.attacks.SentinelReport;
import dev.temper.engine.evaluation.metrics.Logits;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.Classification;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientAttacksTest {

    @TempDir
    Path tmp;

    @Test
    void pgdAndWorstCaseAreNeverWeakerThanFgsmOnATrainedModel() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("m")));
        TabularData test = BlobsFixture.test();
        float[][] inputs = model.manifest().standardization().apply(test.features());
        List<Attack> attacks = List.of(new Fgsm(InputBounds.UNBOUNDED),
                new Pgd(PgdSettings.standard(10, 2), InputBounds.UNBOUNDED, 11));

        List<EpsilonPoint> curve;
        double clean;
        try (GraphAttackTarget target = new GraphAttackTarget(model.directory(), model.manifest());
             DjlInference djl = new DjlInference(model.directory(), model.manifest().inputDim())) {
            clean = Classification.correct(djl.logits(inputs), test.labels()) / (double) test.size();
            curve = new RobustnessCurve(target, djl::logits, attacks).measure(inputs, test.labels(),
                    List.of(0.0, 0.1, 0.25, 0.5));
            assertThat(target.logits(inputs)[0]).containsExactly(djl.logits(inputs)[0]);
        }

        curve.forEach(point -> System.out.println("attack curve: " + point.epsilon() + " fgsm="
                + point.byAttack().get(Fgsm.NAME).value() + " pgd=" + point.byAttack().get(Pgd.NAME).value()
                + " worst=" + point.worstCase().value()));
        EpsilonPoint zero = curve.get(0);
        assertThat(zero.worstCase().value()).isEqualTo(clean);
        assertThat(zero.byAttack().get(Fgsm.NAME).value()).isEqualTo(clean);
        assertThat(zero.byAttack().get(Pgd.NAME).value()).isEqualTo(clean);
        for (EpsilonPoint point : curve) {
            double fgsm = point.byAttack().get(Fgsm.NAME).value();
            assertThat(point.worstCase().value()).isLessThanOrEqualTo(fgsm);
            assertThat(point.worstCase().value()).isLessThanOrEqualTo(point.byAttack().get(Pgd.NAME).value());
            assertThat(point.byAttack().get(Pgd.NAME).value()).isLessThanOrEqualTo(fgsm);
        }
        assertThat(curve.get(3).worstCase().value()).isLessThan(clean);
    }

    @Test
    void sentinelStaysQuietOnANormallyTrainedModel() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("s")));
        TabularData test = BlobsFixture.test();
        float[][] inputs = model.manifest().standardization().apply(test.features());
        RandomSearch search = new RandomSearch(200, InputBounds.UNBOUNDED, 3);
        SentinelReport report;
        try (GraphAttackTarget target = new GraphAttackTarget(model.directory(), model.manifest());
             DjlInference djl = new DjlInference(model.directory(), model.manifest().inputDim())) {
            RobustnessCurve curve = new RobustnessCurve(target, djl::logits, List.of(new Fgsm(InputBounds.UNBOUNDED),
                    new Pgd(PgdSettings.standard(10, 2), InputBounds.UNBOUNDED, 11), search));
            report = GradientMaskingSentinel.assess(curve.measureWithMasks(inputs, test.labels(),
                            List.of(0.1, 0.25, 0.5)), Set.of(Fgsm.NAME, Pgd.NAME), search, test.size(),
                    GradientMaskingSentinel.zeroGradientInputs(target, inputs, test.labels()));
        }
        System.out.println("sentinel on trained model: " + report);
        assertThat(report.gradientMaskingSuspected()).as(report.reasons().toString()).isFalse();
        assertThat(report.zeroGradientInputs()).isZero();
        assertThat(report.findings().get(2).fooledByGradientFree()).isPositive();
    }

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
