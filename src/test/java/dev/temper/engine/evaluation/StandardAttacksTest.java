package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.Apgd;
import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.attacks.NormBall;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.evaluation.attacks.StandaloneAccuracy;
import dev.temper.engine.evaluation.attacks.Square;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.metrics.Logits;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** APGD, Square and L2 PGD against a small trained CNN (8x8 grey images, 4 classes) in pixel units. */
class StandardAttacksTest {

    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final List<Double> LINF_EPSILONS = List.of(0.05, 0.1, 0.15);

    @TempDir
    static Path tmp;

    private static GraphAttackTarget graph;
    private static AttackTarget target;
    private static TabularData test;

    @BeforeAll
    static void trainModel() {
        ExportedModel model = Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(
                ImagesFixture.images(600, 4, 1, 1), ImagesFixture.images(120, 4, 1, 2),
                TrainingStrategy.of(8, 32, 0.01, 3), tmp.resolve("cnn")));
        graph = new GraphAttackTarget(model.directory(), model.manifest());
        target = AttackSpace.of(ThreatModel.linfPixels(List.of()), model.manifest().standardization(), null)
                .target(graph);
        test = ImagesFixture.images(120, 4, 1, 3);
    }

    @AfterAll
    static void closeModel() {
        graph.close();
    }

    @Test
    void apgdCeIsNeverWeakerThanPgdWithTheSameIterations() {
        Attack pgd = new Pgd(PgdSettings.standard(20, 1), InputBounds.UNIT, 5);
        Attack apgd = Apgd.crossEntropy(20, Norm.LINF, InputBounds.UNIT, 5);
        double strongest = 1;
        for (double epsilon : LINF_EPSILONS) {
            double pgdAccuracy = StandaloneAccuracy.of(pgd, target, target, test.features(), test.labels(), epsilon)
                    .value();
            double apgdAccuracy = StandaloneAccuracy.of(apgd, target, target, test.features(), test.labels(), epsilon)
                    .value();
            System.out.printf("eps %.2f: pgd %.3f apgd-ce %.3f%n", epsilon, pgdAccuracy, apgdAccuracy);
            assertThat(apgdAccuracy).as("eps %s", epsilon).isLessThanOrEqualTo(pgdAccuracy);
            strongest = Math.min(strongest, apgdAccuracy);
        }
        assertThat(strongest).isLessThan(clean());
    }

    @Test
    void targetedApgdFoolsExamplesWithinTheBall() {
        Attack apgdT = Apgd.targeted(20, 3, Norm.LINF, InputBounds.UNIT, 5);
        float[][] adversarial = apgdT.perturb(target, test.features(), test.labels(), 0.1);
        assertInside(new NormBall(Norm.LINF, 0.1, InputBounds.UNIT), adversarial);
        double robust = accuracy(adversarial);
        System.out.printf("apgd-t at 0.1: clean %.3f robust %.3f%n", clean(), robust);
        assertThat(apgdT.name()).isEqualTo("apgd-t");
        assertThat(robust).isLessThan(clean());
    }

    @Test
    void squareStaysInTheBallAndTheBoxAndLowersAccuracy() {
        for (Norm norm : Norm.values()) {
            double epsilon = norm == Norm.LINF ? 0.15 : 1.0;
            Square square = new Square(300, Square.defaultPInit(norm), norm, InputBounds.UNIT, 7, SHAPE);
            float[][] adversarial = square.perturb(target, test.features(), test.labels(), epsilon);
            assertInside(new NormBall(norm, epsilon, InputBounds.UNIT), adversarial);
            double robust = accuracy(adversarial);
            System.out.printf("square %s eps %.2f: clean %.3f robust %.3f%n", norm.label(), epsilon, clean(), robust);
            assertThat(robust).as(norm.label()).isLessThan(clean());
        }
    }

    @Test
    void l2PgdAndApgdStayInTheL2BallAndTheBox() {
        double epsilon = 1.0;
        NormBall ball = new NormBall(Norm.L2, epsilon, InputBounds.UNIT);
        for (Attack attack : List.of(new Pgd(PgdSettings.standard(20, 1), InputBounds.UNIT, 5, Norm.L2),
                Apgd.crossEntropy(20, Norm.L2, InputBounds.UNIT, 5))) {
            float[][] adversarial = attack.perturb(target, test.features(), test.labels(), epsilon);
            assertInside(ball, adversarial);
            double robust = accuracy(adversarial);
            System.out.printf("%s L2 eps %.2f: clean %.3f robust %.3f%n", attack.name(), epsilon, clean(), robust);
            assertThat(robust).as(attack.name()).isLessThan(clean());
        }
    }

    /** Not a speed assertion (shared CPUs): prints images * iterations / s of APGD-CE and PGD, 100 iterations. */
    @Test
    void printsThroughputOfApgdAndPgd() {
        TabularData images = ImagesFixture.images(500, 4, 1, 4);
        for (Attack attack : List.of(new Pgd(PgdSettings.standard(100, 1), InputBounds.UNIT, 5),
                Apgd.crossEntropy(100, Norm.LINF, InputBounds.UNIT, 5))) {
            attack.perturb(target, images.features(), images.labels(), 0.1); // warm-up
            long start = System.nanoTime();
            float[][] adversarial = attack.perturb(target, images.features(), images.labels(), 0.1);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean[] correct = Logits.correct(target.logits(adversarial), images.labels());
            int robust = 0;
            for (boolean c : correct) {
                robust += c ? 1 : 0;
            }
            System.out.printf("throughput %s: 500 images x 100 iterations in %.2f s = %.0f images*iterations/s, "
                    + "robust %d/500%n", attack.name(), seconds, 500 * 100 / seconds, robust);
            assertThat(seconds).isPositive();
        }
    }

    private static void assertInside(NormBall ball, float[][] adversarial) {
        float[][] inputs = test.features();
        for (int i = 0; i < inputs.length; i++) {
            assertThat(ball.distance(inputs[i], adversarial[i])).as("row %d", i)
                    .isLessThanOrEqualTo(ball.epsilon() * (1 + 1e-5) + 1e-6);
            for (float value : adversarial[i]) {
                assertThat(value).isBetween(0f, 1f);
            }
        }
    }

    private static double clean() {
        return accuracy(test.features());
    }

    private static double accuracy(float[][] inputs) {
        boolean[] correct = Logits.correct(target.logits(inputs), test.labels());
        int count = 0;
        for (boolean c : correct) {
            count += c ? 1 : 0;
        }
        return count / (double) correct.length;
    }
}
