package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.metrics.Logits;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag.Check;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack section and its reliability checks on a real small CNN, and on that CNN planted to trip each
 * check: randomised outputs, softmax outputs, masked gradients, a budget too small to converge.
 */
class AttackSuiteRunTest {

    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final ThreatModel THREAT = ThreatModel.linfPixels(List.of(0.0, 0.05, 0.1, 0.2));

    @TempDir
    static Path tmp;
    private static RawModelTarget cnn;
    private static TabularData test;

    @BeforeAll
    static void trainCnn() {
        TrainingStrategy strategy = new TrainingStrategy(6, 32, 0.01, 0, false, 0, 11);
        ExportedModel model = Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(
                ImagesFixture.images(600, 3, 1, 1), ImagesFixture.images(150, 3, 1, 2), strategy, tmp.resolve("cnn")));
        cnn = new RawModelTarget(model.directory());
        test = ImagesFixture.images(300, 3, 1, 3);
    }

    @AfterAll
    static void close() {
        cnn.close();
    }

    @Test
    void aCleanCnnRaisesNoFlagAndItsCurveFallsWithEpsilon() {
        AttackSuiteRun.Outcome outcome = run(cnn, cnn, quickPlan());

        outcome.curve().forEach(point -> System.out.println("clean cnn: eps " + point.epsilon() + " "
                + point.byAttack().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().value()).toList()));
        assertThat(outcome.flags()).isEmpty();
        EpsilonPoint first = outcome.curve().get(0);
        EpsilonPoint last = outcome.curve().get(3);
        assertThat(first.worstCase().value()).isGreaterThan(0.8);
        assertThat(last.worstCase().value()).isLessThan(first.worstCase().value());
        assertThat(outcome.survived().get(PerExampleOutcomes.WORST_CASE).get(0.2).cardinality())
                .isEqualTo(last.worstCase().correct());
    }

    @Test
    void aRandomisedModelIsFlagged() {
        Random noise = new Random(4);
        Classifier randomised = inputs -> {
            float[][] logits = cnn.logits(inputs);
            for (float[] row : logits) {
                for (int k = 0; k < row.length; k++) {
                    row[k] += (float) (0.05 * noise.nextGaussian());
                }
            }
            return logits;
        };

        assertThat(checks(run(cnn, randomised, quickPlan()))).contains(Check.RANDOMIZED_OUTPUTS);
    }

    @Test
    void aModelThatOutputsProbabilitiesIsFlagged() {
        Classifier softmax = inputs -> {
            float[][] logits = cnn.logits(inputs);
            float[][] probabilities = new float[logits.length][];
            for (int i = 0; i < logits.length; i++) {
                double[] p = Logits.softmax(logits[i]);
                probabilities[i] = new float[p.length];
                for (int k = 0; k < p.length; k++) {
                    probabilities[i][k] = (float) p[k];
                }
            }
            return probabilities;
        };

        assertThat(checks(run(cnn, softmax, quickPlan()))).contains(Check.PROBABILITY_OUTPUTS);
    }

    @Test
    void maskedGradientsAreFlaggedByZeroGradientsTheGradientFreeAttackAndTransfer() {
        AttackTarget masked = new AttackTarget() {
            @Override
            public int classCount() {
                return cnn.classCount();
            }

            @Override
            public float[][] logits(float[][] inputs) {
                return cnn.logits(inputs);
            }

            @Override
            public float[][] lossGradient(float[][] inputs, int[] labels) {
                return new float[inputs.length][inputs[0].length];
            }
        };

        AttackSuiteRun.Outcome outcome = AttackSuiteRun.run(new AttackSuiteRun.Subjects(masked, cnn, cnn),
                test.features(), test.labels(), THREAT, quickPlan(), true, 5, SuiteProgress.SILENT);

        outcome.flags().forEach(flag -> System.out.println("masked: " + flag));
        assertThat(checks(outcome)).contains(Check.ZERO_GRADIENTS, Check.GRADIENT_FREE_STRONGER,
                Check.TRANSFER_STRONGER);
    }

    @Test
    void aBudgetTooSmallToConvergeIsFlagged() {
        AttackSuiteRun.Outcome outcome = run(cnn, cnn, quickPlan().withLeadIterations(1));

        outcome.flags().forEach(flag -> System.out.println("one iteration: " + flag));
        assertThat(checks(outcome)).contains(Check.NOT_CONVERGED);
    }

    private static AttackPlan quickPlan() {
        return new AttackPlan(SuiteVersion.QUICK, Norm.LINF, InputBounds.UNIT, SHAPE, 5);
    }

    private static AttackSuiteRun.Outcome run(AttackTarget target, Classifier judge, AttackPlan plan) {
        return AttackSuiteRun.run(new AttackSuiteRun.Subjects(target, judge, null), test.features(), test.labels(),
                THREAT, plan, true, 5, SuiteProgress.SILENT);
    }

    private static List<Check> checks(AttackSuiteRun.Outcome outcome) {
        return outcome.flags().stream().map(ReliabilityFlag::check).toList();
    }
}
