package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSpecTest {

    @Test
    void tabularDefaultsRunTheStandardSuiteOnTheWholeSplitInTrainSplitDeviations() {
        EvaluationSpec spec = EvaluationSpec.tabular(List.of(0.3, 0.0, 0.1, 0.1));

        assertThat(spec.threatModel().epsilons()).containsExactly(0.0, 0.1, 0.3);
        assertThat(spec.threatModel().unit()).isEqualTo(EpsilonUnit.TRAIN_STD);
        assertThat(spec.suite()).isEqualTo(SuiteVersion.STANDARD);
        assertThat(spec.maxExamples()).isEqualTo(EvaluationSpec.WHOLE_SPLIT);
        assertThat(spec.threatModel().describe())
                .isEqualTo("L-inf, epsilon 0.0, 0.1, 0.3 in standard deviations of each feature on the train split");
    }

    @Test
    void imagesAreAlwaysAttackedInPixels() {
        EvaluationSpec images = EvaluationSpec.tabular(List.of(0.1)).withImages(new ImageShape(2, 2, 1));

        assertThat(images.threatModel().unit()).isEqualTo(EpsilonUnit.PIXELS);
        assertThat(images.corruptions()).isTrue();
        assertRejected(() -> new EvaluationSpec(new ThreatModel(Norm.LINF, List.of(0.1), EpsilonUnit.TRAIN_STD),
                SuiteVersion.QUICK, List.of(), false, new ImageShape(2, 2, 1), null, null, 0, 0),
                "images are attacked in pixel units");
    }

    @Test
    void rejectsBadValuesWithClearMessages() {
        assertRejected(() -> ThreatModel.linfPixels(List.of(-0.1)), "epsilons must all be finite and >= 0");
        assertRejected(() -> ThreatModel.linfPixels(List.of(Double.NaN)), "epsilons must all be finite and >= 0");
        assertRejected(() -> ThreatModel.linfPixels(List.of(1.5)), "covers the whole [0, 1] box");
        assertRejected(() -> ThreatModel.linfPixels(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95,
                0.97, 0.99)), "at most 12 epsilons");
        assertRejected(() -> new ThreatModel(null, List.of(), EpsilonUnit.PIXELS), "needs a norm");
        assertRejected(() -> spec(List.of(0.1), false, -1), "maxExamples must be >= 0");
        assertRejected(() -> spec(List.of(0.1), true, 10), "corruptions apply to images only");
        assertRejected(() -> new EvaluationSpec(ThreatModel.linfPixels(List.of()), SuiteVersion.QUICK, null, false,
                null, null, null, 0, 10), "noiseSigmas must not be null");
        assertRejected(() -> new EvaluationSpec(ThreatModel.linfPixels(List.of()), SuiteVersion.QUICK,
                List.of(-1.0), false, null, null, null, 0, 10), "noiseSigmas must all be finite");
        assertRejected(() -> new EvaluationSpec(null, SuiteVersion.QUICK, List.of(), false, null, null, null, 0, 10),
                "needs a threat model");
    }

    private static EvaluationSpec spec(List<Double> epsilons, boolean corruptions, int maxExamples) {
        return new EvaluationSpec(new ThreatModel(Norm.LINF, epsilons, EpsilonUnit.TRAIN_STD), SuiteVersion.QUICK,
                List.of(0.1), corruptions, null, null, null, 1, maxExamples);
    }

    private static void assertRejected(Runnable construction, String message) {
        assertThatThrownBy(construction::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
