package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.Classification;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strip of adversarial examples a real small CNN's suite keeps: the first examples the attacks fooled at the
 * largest epsilon, each really misclassified by the served model (checked here by a DJL predictor of its own),
 * within epsilon of its clean image in L-inf, pixels in [0, 1], and at the test-set position it came from.
 */
class AdversarialStripTest {

    private static final double LARGEST = 0.2;

    @TempDir
    static Path tmp;
    private static ExportedModel model;
    private static TabularData test;
    private static RobustnessReport report;

    @BeforeAll
    static void evaluateACnn() {
        model = Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(ImagesFixture.images(600, 3, 1, 1),
                ImagesFixture.images(150, 3, 1, 2), new TrainingStrategy(6, 32, 0.01, 0, false, 0, 11),
                tmp.resolve("cnn")));
        test = ImagesFixture.images(300, 3, 1, 3);
        // A cap of 200 of the 300 draws a seeded subset: positions are not simply 0..199.
        EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(0.05, LARGEST)), SuiteVersion.QUICK,
                List.of(), false, null, null, null, 5, 200).withImages(new ImageShape(8, 8, 1));
        report = RobustnessEvaluator.evaluateSuite(model.directory(), test, spec);
    }

    @Test
    void theChosenExamplesAreReallyMisclassifiedAndWithinEpsilon() {
        AdversarialStrip strip = report.strip();
        assertThat(strip).isNotNull();
        assertThat(strip.epsilon()).isEqualTo(LARGEST);
        assertThat(strip.norm()).isEqualTo("LINF");
        assertThat(strip.examples()).hasSize(AdversarialStrip.SIZE);
        List<AdversarialStrip.Example> fooled = strip.examples().stream().filter(AdversarialStrip.Example::fooled)
                .toList();
        assertThat(fooled).as("a normally trained CNN is fooled at L-inf 0.2").isNotEmpty();

        ModelManifest manifest = ModelManifest.read(model.directory());
        try (DjlInference served = new DjlInference(model.directory(), manifest.inputDim())) {
            for (AdversarialStrip.Example e : strip.examples()) {
                assertThat(e.clean()).as("the clean image is test row " + e.position())
                        .containsExactly(test.features()[e.position()]);
                assertThat(e.label()).isEqualTo(test.labels()[e.position()]);
                float[][] logits = served.logits(manifest.standardization().apply(new float[][] {e.adversarial()}));
                assertThat(Classification.argMax(logits[0])).as("the served model's own prediction")
                        .isEqualTo(e.adversarialPrediction());
                double linf = 0;
                for (int j = 0; j < e.clean().length; j++) {
                    assertThat(e.adversarial()[j]).isBetween(0f, 1f);
                    linf = Math.max(linf, Math.abs(e.adversarial()[j] - e.clean()[j]));
                }
                assertThat(linf).isLessThanOrEqualTo(LARGEST + 1e-6);
            }
        }
        for (AdversarialStrip.Example e : fooled) {
            assertThat(e.adversarialPrediction()).isNotEqualTo(e.label());
            assertThat(e.cleanPrediction()).as("only examples right on clean inputs are attacked").isEqualTo(e.label());
        }
    }

    @Test
    void theFooledComeFirstAndAreTheFirstTheSuiteCountsAsFooled() {
        PerExampleOutcomes outcomes = report.perExample();
        BitSet robust = outcomes.survived().get(PerExampleOutcomes.WORST_CASE).get(LARGEST);
        List<Integer> firstFooled = new ArrayList<>();
        for (int i = 0; i < outcomes.examples() && firstFooled.size() < AdversarialStrip.SIZE; i++) {
            if (outcomes.clean().get(i) && !robust.get(i)) {
                firstFooled.add(outcomes.positions()[i]);
            }
        }
        List<AdversarialStrip.Example> examples = report.strip().examples();
        List<Integer> stripFooled = examples.stream().filter(AdversarialStrip.Example::fooled)
                .map(AdversarialStrip.Example::position).toList();
        assertThat(stripFooled).isEqualTo(firstFooled);
        int firstHeld = stripFooled.size();
        for (int i = firstHeld; i < examples.size(); i++) {
            assertThat(examples.get(i).fooled()).as("held examples only fill up after the fooled").isFalse();
        }
    }

    @Test
    void encodesAndDecodesToTheSameStripAndRefusesBrokenBytes() {
        AdversarialStrip strip = report.strip();
        byte[] bytes = strip.encode();
        AdversarialStrip back = AdversarialStrip.decode(bytes);
        assertThat(back.examples()).hasSameSizeAs(strip.examples());
        for (int i = 0; i < strip.examples().size(); i++) {
            assertThat(back.examples().get(i).adversarial()).containsExactly(strip.examples().get(i).adversarial());
            assertThat(back.examples().get(i).position()).isEqualTo(strip.examples().get(i).position());
        }
        assertThatThrownBy(() -> AdversarialStrip.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .hasMessageContaining("ends early");
        byte[] wrongVersion = bytes.clone();
        wrongVersion[7] = 9;
        assertThatThrownBy(() -> AdversarialStrip.decode(wrongVersion)).hasMessageContaining("version 9");
    }

    @Test
    void aTableGetsNoStrip() {
        EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(LARGEST)), SuiteVersion.QUICK,
                List.of(), false, null, null, null, 5, 50);
        assertThat(RobustnessEvaluator.evaluateSuite(model.directory(), test, spec).strip()).isNull();
    }
}
