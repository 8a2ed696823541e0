package dev.temper.engine.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void confusionAndPerClassScoresOfAHandMadeExample() {
        int[] labels = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, predicted, 3);

        assertThat(confusion.counts()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
        List<ConfusionMatrix.ClassMetrics> perClass = confusion.perClass();
        assertThat(perClass.get(0).precision()).isEqualTo(1.0);
        assertThat(perClass.get(0).recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(perClass.get(0).f1()).isCloseTo(0.8, within(1e-12));
        assertThat(perClass.get(1).precision()).isEqualTo(0.5);
        assertThat(perClass.get(1).recall()).isEqualTo(0.5);
        assertThat(perClass.get(1).f1()).isEqualTo(0.5);
        assertThat(perClass.get(2).precision()).isEqualTo(0.5);
        assertThat(perClass.get(2).recall()).isEqualTo(1.0);
        assertThat(perClass.get(2).f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(perClass.get(2).support()).isEqualTo(1);
    }

    @Test
    void classNeverPredictedScoresZeroInsteadOfNaN() {
        ConfusionMatrix confusion = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2);
        assertThat(confusion.perClass().get(1).precision()).isZero();
        assertThat(confusion.perClass().get(1).f1()).isZero();
    }

    @Test
    void meanNegativeLogLikelihoodAndAccuracyFromLogits() {
        float[][] logits = {{2f, 0f}, {0f, 0f}, {1000f, 0f}};
        ClassificationMetrics metrics = ClassificationMetrics.of(logits, new int[] {0, 1, 0}, 2);

        double expected = (Math.log(1 + Math.exp(-2)) + Math.log(2) + 0) / 3;
        assertThat(metrics.meanNegativeLogLikelihood()).isCloseTo(expected, within(1e-9));
        // argmax of a tie is the first class, so the second example counts as wrong.
        assertThat(metrics.accuracy().correct()).isEqualTo(2);
        assertThat(metrics.perClass()).hasSize(2);
    }
}
