package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteStep;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.corruptions.CorruptionType;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.Standardization;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustnessSuiteTest {

    @TempDir
    Path tmp;

    @Test
    void tabularSuiteReportsEverySectionAndSerialisesToJson() throws Exception {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("m")));
        EvaluationSpec spec = new EvaluationSpec(new ThreatModel(Norm.LINF, List.of(0.0, 0.25, 0.5),
                EpsilonUnit.TRAIN_STD), SuiteVersion.STANDARD, List.of(0.0, 1.0), false, null, null,
                Standardization.fit(BlobsFixture.train()).std(), 7, 0).withShiftedTest(spread(BlobsFixture.test()));

        RobustnessReport report = RobustnessEvaluator.evaluateSuite(model.directory(), BlobsFixture.test(), spec);

        double clean = report.clean().accuracy().value();
        assertThat(clean).isGreaterThan(0.8);
        assertThat(report.clean().accuracy().examples()).isEqualTo(BlobsFixture.test().size());
        for (EpsilonPoint point : report.adversarial().curve()) {
            System.out.println("suite curve: " + point.epsilon() + " " + point.byAttack().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().value()).toList() + " worst=" + point.worstCase().value());
            point.byAttack().values().forEach(accuracy ->
                    assertThat(point.worstCase().value()).isLessThanOrEqualTo(accuracy.value()));
        }
        assertThat(report.adversarial().curve().get(0).worstCase().value()).isEqualTo(clean);
        assertThat(report.adversarial().attacks()).extracting(a -> a.name())
                .containsExactly("apgd-ce", "apgd-t", "square");
        assertThat(report.flags()).isEmpty();
        assertThat(report.noise().points().get(0).accuracy().value()).isEqualTo(clean);
        assertThat(report.noise().points().get(1).accuracy().value()).isLessThan(clean);
        assertThat(report.corruptions()).isNull();
        assertThat(report.domainShift().accuracyDrop()).isPositive();
        assertThat(report.provenance().modelSha256()).isEqualTo(model.sha256());
        assertThat(report.provenance().examples()).isEqualTo(300);
        System.out.println("suite: clean=" + clean + " ci=" + report.clean().accuracy().ci95() + " ece="
                + report.clean().calibration().expectedCalibrationError() + " nll="
                + report.clean().meanNegativeLogLikelihood() + " shifted=" + report.domainShift().metrics().accuracy().value());

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
        assertThat(json.at("/provenance/tensorflowVersion").asText()).isEqualTo("2.16.1");
        assertThat(json.at("/provenance/djlVersion").asText()).isNotBlank();
        assertThat(json.at("/provenance/seed").asLong()).isEqualTo(7);
        assertThat(json.at("/adversarial/attacks/0/parameters/iterations").asInt()).isEqualTo(100);
        assertThat(json.at("/adversarial/threatModel").asText()).contains("L-inf").contains("train split");
        assertThat(json.at("/adversarial/curve/1/worstCase/ci95/lower").isNumber()).isTrue();
        assertThat(json.at("/clean/calibration/bins")).hasSize(15);
        assertThat(json.at("/clean/confusion/counts/0")).hasSize(3);
        assertThat(json.at("/adversarial/attacks/2/parameters/queries").asInt()).isEqualTo(1000);
        assertThat(json.has("perExample")).isFalse();
        assertThat(report.perExample().survived().get("worst-case").get(0.5).cardinality())
                .isEqualTo(report.adversarial().curve().get(2).worstCase().correct());
        assertThat(json.at("/spec").has("shiftedTest")).isFalse();
    }

    @Test
    void imageSuiteRunsCorruptionsAndAModelAgainstItselfHasMceOne() {
        ExportedModel model = Trainer.pretrain(BarImagesFixture.architecture(),
                TrainingRequest.of(BarImagesFixture.images(600, 1), BarImagesFixture.images(150, 2),
                BlobsFixture.quick(3), tmp.resolve("img")));
        EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(0.0, 0.05, 0.2)), SuiteVersion.QUICK,
                List.of(), false, null, null, null, 5, 120).withImages(BarImagesFixture.SHAPE);

        List<SuiteStep> steps = new ArrayList<>();
        RobustnessReport report = RobustnessEvaluator.evaluateSuite(model.directory(), BarImagesFixture.images(300, 3),
                spec, model.directory(), steps::add);

        assertThat(report.provenance().examples()).isEqualTo(120);
        // Every step is heard of as it finishes, in the order it ran, with what it found.
        assertThat(steps).extracting(SuiteStep::name).containsExactly("clean", "pgd at eps 0.0", "square at eps 0.0",
                "pgd at eps 0.05", "square at eps 0.05", "pgd at eps 0.2", "square at eps 0.2", "reliability checks",
                "noise", "corruptions");
        assertThat(steps.get(0).outcome()).contains("on 120 examples");
        assertThat(steps.get(5).outcome()).endsWith("attacked still robust");
        assertThat(report.adversarial().unit()).contains("pixel");
        assertThat(report.adversarial().curve().get(0).worstCase().value()).isEqualTo(report.clean().accuracy().value());
        report.adversarial().curve().forEach(point -> {
            System.out.println("image curve: " + point.epsilon() + " " + point.byAttack().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().value()).toList() + " worst=" + point.worstCase().value());
            point.byAttack().values().forEach(a -> assertThat(point.worstCase().value()).isLessThanOrEqualTo(a.value()));
        });
        assertThat(report.adversarial().curve().get(2).worstCase().value()).isLessThan(report.clean().accuracy().value());
        assertThat(report.corruptions().types()).hasSize(CorruptionType.values().length);
        assertThat(report.corruptions().meanCorruptionError()).isEqualTo(1.0);
        report.corruptions().types().forEach(type -> {
            assertThat(type.bySeverity()).hasSize(5);
            System.out.println("corruption " + type.type() + ": " + type.bySeverity().stream().map(a -> a.value()).toList());
        });
        assertThat(report.corruptions().meanCorruptionAccuracy()).isLessThan(report.clean().accuracy().value());
    }

    @Test
    void rejectsAnImageShapeThatDoesNotMatchTheModel() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("x")));
        EvaluationSpec spec = EvaluationSpec.tabular(List.of(0.1)).withImages(BarImagesFixture.SHAPE);
        assertThatThrownBy(() -> RobustnessEvaluator.evaluateSuite(model.directory(), BlobsFixture.test(), spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageShape");
    }

    @Test
    void rejectsCorruptionsOnValuesOutsideTheUnitRange() {
        ExportedModel model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(8), tmp.resolve("r")));
        EvaluationSpec spec = EvaluationSpec.tabular(List.of()).withImages(new ImageShape(2, 2, 1));
        assertThatThrownBy(() -> RobustnessEvaluator.evaluateSuite(model.directory(), BlobsFixture.test(), spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }

    /** Covariate shift: every feature gets extra Gaussian spread of 0.8 of its own standard deviation. */
    private static TabularData spread(TabularData data) {
        float[] std = Standardization.fit(data).std();
        Random random = new Random(4);
        float[][] shifted = new float[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            shifted[i] = data.features()[i].clone();
            for (int j = 0; j < std.length; j++) {
                shifted[i][j] += (float) (0.8 * std[j] * random.nextGaussian());
            }
        }
        return new TabularData(shifted, data.labels(), data.classCount());
    }
}
