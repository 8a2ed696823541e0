package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.MlpArchitecture;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Epsilon means pixels for every image model: an MLP (which standardises its inputs) and a CNN (which
 * does not) trained on the same images are attacked in the same units, and no attack of either suite ever
 * leaves the epsilon ball or the [0, 1] box in pixel space.
 */
class PixelUnitsTest {

    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final double EPSILON = 0.1;

    @TempDir
    Path tmp;

    @Test
    void mlpAndCnnAdversarialExamplesStayInThePixelBallAndBox() {
        TabularData train = ImagesFixture.images(300, 3, 1, 1);
        TabularData validation = ImagesFixture.images(90, 3, 1, 2);
        TabularData test = ImagesFixture.images(40, 3, 1, 3);
        TrainingStrategy strategy = new TrainingStrategy(3, 32, 0.01, 0, false, 0, 11);
        ExportedModel mlp = Trainer.pretrain(new MlpArchitecture(List.of(16)), TrainingRequest.of(train, validation,
                strategy, tmp.resolve("mlp")));
        ExportedModel cnn = Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(train, validation,
                strategy, tmp.resolve("cnn")));
        assertThat(mlp.manifest().standardization().std()).as("the MLP standardises its pixels")
                .isNotEqualTo(cnn.manifest().standardization().std());

        for (ExportedModel model : List.of(mlp, cnn)) {
            for (Norm norm : Norm.values()) {
                assertAttacksStayInside(model, norm, test);
            }
        }
    }

    private static void assertAttacksStayInside(ExportedModel model, Norm norm, TabularData test) {
        ThreatModel threat = new ThreatModel(norm, List.of(EPSILON), EpsilonUnit.PIXELS);
        AttackSpace space = AttackSpace.of(threat, model.manifest().standardization(), null);
        AttackPlan plan = new AttackPlan(SuiteVersion.STANDARD, norm, space.bounds(), SHAPE, 3);
        try (GraphAttackTarget graph = new GraphAttackTarget(model.directory(), model.manifest())) {
            AttackTarget target = space.target(graph);
            float[][] inputs = space.fromRaw(test.features());
            List<AttackStage> attacks = new ArrayList<>(plan.stages(SHAPE.size()));
            attacks.addAll(new AttackPlan(SuiteVersion.QUICK, norm, space.bounds(), SHAPE, 3).stages(SHAPE.size()));
            attacks.add(plan.lead(2));
            for (AttackStage stage : attacks) {
                float[][] adversarial = stage.attack().perturb(target, inputs, test.labels(), EPSILON);
                double furthest = 0;
                for (int i = 0; i < inputs.length; i++) {
                    double distance = distance(norm, inputs[i], adversarial[i]);
                    furthest = Math.max(furthest, distance);
                    assertThat(distance).as(stage.name() + " " + norm + " on " + model.manifest().architecture())
                            .isLessThanOrEqualTo(EPSILON + 1e-5);
                    double min = Arrays.stream(box(adversarial[i])).min().orElseThrow();
                    double max = Arrays.stream(box(adversarial[i])).max().orElseThrow();
                    assertThat(min).isGreaterThanOrEqualTo(0);
                    assertThat(max).isLessThanOrEqualTo(1);
                }
                // Attacking in the model's standardised units instead would stop short of epsilon pixels.
                assertThat(furthest).as(stage.name() + " uses the whole pixel budget").isGreaterThan(0.99 * EPSILON);
            }
        }
    }

    private static double distance(Norm norm, float[] clean, float[] adversarial) {
        double largest = 0;
        double squares = 0;
        for (int j = 0; j < clean.length; j++) {
            double difference = Math.abs(adversarial[j] - clean[j]);
            largest = Math.max(largest, difference);
            squares += difference * difference;
        }
        return norm == Norm.LINF ? largest : Math.sqrt(squares);
    }

    private static double[] box(float[] values) {
        double[] out = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j];
        }
        return out;
    }
}
