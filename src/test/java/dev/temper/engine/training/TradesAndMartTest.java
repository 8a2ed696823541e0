package dev.temper.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.CnnLayout;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.GlorotInitializer;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.model.TensorFlowRuntime;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class TradesAndMartTest {

    /** Two pairs of three classes: rows 0-1 clean, rows 2-3 their adversarial copies. */
    private static final float[][] LOGITS = {{2f, 0.5f, -1f}, {0.2f, 0.1f, 1.5f}, {1f, 1.2f, -0.5f}, {0.3f, -2f, 0.4f}};
    private static final float[][] LABELS = {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 1, 0}};

    @TempDir
    Path tmp;

    @Test
    void tradesLossIsCleanCrossEntropyPlusBetaTimesTheKlToTheAdversarialPrediction() {
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double[] p = softmax(LOGITS[i]);
            double[] q = softmax(LOGITS[i + 2]);
            expected += -Math.log(p[labelOf(i)]) + 2.5 * kl(p, q);
        }
        assertThat(paired(AdversarialSpec.trades(0.1, 0.02, 3, 2.5))).isCloseTo(expected / 2, within(1e-5));
    }

    @Test
    void martLossIsBoostedAdversarialCrossEntropyPlusBetaTimesTheKlWeightedByCleanDoubt() {
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            int y = labelOf(i);
            double[] p = softmax(LOGITS[i]);
            double[] q = softmax(LOGITS[i + 2]);
            double largestWrong = 0;
            for (int k = 0; k < 3; k++) {
                largestWrong = k == y ? largestWrong : Math.max(largestWrong, q[k]);
            }
            double boosted = -Math.log(q[y]) - Math.log(1.0001 - largestWrong);
            expected += boosted + 4 * kl(p, q) * (1.0000001 - p[y]);
        }
        assertThat(paired(AdversarialSpec.mart(0.1, 0.02, 3, 4))).isCloseTo(expected / 2, within(1e-5));
    }

    @Test
    void tradesPairsEveryCleanRowWithACopyInsideTheBallThatMovesThePredictionMoreThanRandomNoise() {
        TensorFlowRuntime.engine();
        CnnLayout layout = new CnnLayout(8, 8, 1, List.of(4), List.of(8), 3);
        TabularData images = ImagesFixture.images(12, 3, 1, 7);
        AdversarialSpec trades = AdversarialSpec.trades(0.1, 0.03, 5, 6);
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            model.loss();
            model.assign(session, GlorotInitializer.initialWeights(layout, 1));
            GraphSession graph = new GraphSession(model, session);
            AdversarialExamples examples = new AdversarialExamples(trades, graph, true);

            AdversarialExamples.Batch batch = examples.apply(images.features(), images.labels(), 1, new Random(3));

            assertThat(batch.x().length).isEqualTo(24);
            assertThat(batch.adversarialFrom()).isEqualTo(12);
            assertThat(batch.adversarialCount()).isEqualTo(12);
            float[][] adversarial = new float[12][];
            float[][] noisy = new float[12][];
            Random random = new Random(5);
            for (int row = 0; row < 12; row++) {
                float[] clean = images.features()[row];
                assertThat(batch.x()[row]).isSameAs(clean);
                assertThat(batch.y()[row]).isEqualTo(images.labels()[row]);
                assertThat(batch.y()[row + 12]).isEqualTo(images.labels()[row]);
                adversarial[row] = batch.x()[row + 12];
                noisy[row] = new float[clean.length];
                for (int j = 0; j < clean.length; j++) {
                    assertThat(adversarial[row][j]).isBetween(0f, 1f);
                    assertThat(Math.abs(adversarial[row][j] - clean[j])).isLessThanOrEqualTo(0.1f + 1e-6f);
                    noisy[row][j] = Math.max(0f, Math.min(1f, clean[j] + (random.nextBoolean() ? 0.1f : -0.1f)));
                }
            }
            float[][] cleanProbabilities = graph.probabilities(images.features());
            assertThat(meanKl(cleanProbabilities, graph.probabilities(adversarial)))
                    .isGreaterThan(2 * meanKl(cleanProbabilities, graph.probabilities(noisy)));
        }
    }

    @Test
    void tradesWithDropoutWarmupAndAFrozenLayerLearnsKeepsTheLayerAndRepeats() {
        ExportedModel base = Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(
                ImagesFixture.images(300, 3, 1, 1), ImagesFixture.images(90, 3, 1, 2), TrainingStrategy.of(3, 32, 0.01, 4),
                tmp.resolve("base")));
        TrainingStrategy strategy = TrainingStrategy.of(4, 32, 0.005, 8)
                .withAdversarial(AdversarialSpec.trades(0.05, 0.02, 3, 2).withWarmup(2))
                .withRegularization(new RegularizationSpec(0, 0.2, 0))
                .withFreeze(FreezeSpec.named(List.of("conv0")));
        List<EpochMetrics> first = new ArrayList<>();
        List<EpochMetrics> second = new ArrayList<>();

        ExportedModel tuned = Trainer.fineTune(base.directory(), TrainingRequest.of(ImagesFixture.images(300, 3, 1, 5),
                ImagesFixture.images(90, 3, 1, 6), strategy, tmp.resolve("a")).withListener(first::add));
        Trainer.fineTune(base.directory(), TrainingRequest.of(ImagesFixture.images(300, 3, 1, 5),
                ImagesFixture.images(90, 3, 1, 6), strategy, tmp.resolve("b")).withListener(second::add));

        System.out.println("trades cnn last epoch: " + first.get(3));
        assertThat(first.get(3).validationAccuracy()).isGreaterThan(0.8);
        assertThat(first.get(3).robustAccuracy()).isNotNull();
        assertThat(second).isEqualTo(first);
        Map<String, float[]> before = SavedWeights.read(base.directory(), base.manifest().networkLayout());
        Map<String, float[]> after = SavedWeights.read(tuned.directory(), tuned.manifest().networkLayout());
        assertThat(after.get("conv0.w")).containsExactly(before.get("conv0.w"));
        assertThat(after.get("head.w")).isNotEqualTo(before.get("head.w"));
        assertThat(tuned.manifest().fgsmEpsilon()).isEqualTo(0.05);
    }

    @Test
    void martTrainingLearns() {
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingStrategy strategy = TrainingStrategy.of(5, 32, 0.01, 4)
                .withAdversarial(AdversarialSpec.mart(0.05, 0.02, 3, 2).withWarmup(2));

        Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(ImagesFixture.images(300, 3, 1, 1),
                ImagesFixture.images(90, 3, 1, 2), strategy, tmp.resolve("mart")).withListener(epochs::add));

        System.out.println("mart cnn last epoch: " + epochs.get(4));
        assertThat(epochs.get(4).validationAccuracy()).isGreaterThan(0.8);
        assertThat(epochs.get(4).trainLoss()).isFinite();
    }

    private static double paired(AdversarialSpec spec) {
        TensorFlowRuntime.engine();
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> loss = PairedRobustLoss.of(tf, spec, tf.constant(LOGITS), tf.constant(LABELS));
            try (Result result = session.runner().fetch(loss).run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        }
    }

    private static int labelOf(int row) {
        return LABELS[row][0] == 1 ? 0 : LABELS[row][1] == 1 ? 1 : 2;
    }

    private static double[] softmax(float[] logits) {
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k]);
            sum += p[k];
        }
        for (int k = 0; k < logits.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double kl(double[] p, double[] q) {
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            sum += p[k] * Math.log(p[k] / q[k]);
        }
        return sum;
    }

    private static double meanKl(float[][] p, float[][] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                sum += p[i][k] * Math.log(Math.max(p[i][k], 1e-12) / Math.max(q[i][k], 1e-12));
            }
        }
        return sum / p.length;
    }
}
