package dev.temper.evaluation.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.evaluation.compare.PairedTable;
import org.junit.jupiter.api.Test;

class ComparisonVerdictTest {

    @Test
    void aSignificantRobustDifferenceNamesTheBetterModelAndTheCounts() {
        assertThat(ComparisonVerdict.of("A", "B", 0.1, new PairedTable(500, 41, 312, 147)))
                .isEqualTo("B is more robust at epsilon 0.1: 312 examples survive only under B, 41 only under A, "
                        + "p < 0.001.");
        assertThat(ComparisonVerdict.of("cnn v2", "cnn v3", 0.3, new PairedTable(10, 9, 1, 0)))
                .isEqualTo("cnn v2 is more robust at epsilon 0.3: 9 examples survive only under cnn v2, 1 only under "
                        + "cnn v3, p = 0.021.");
    }

    @Test
    void cleanInputsAreAboutAccuracy() {
        assertThat(ComparisonVerdict.of("A", "B", null, new PairedTable(900, 12, 30, 58)))
                .isEqualTo("B is more accurate on clean inputs: 30 examples are right only under B, 12 only under A, "
                        + "p = 0.0079.");
    }

    @Test
    void atFivePercentOrAboveThereIsNoSignificantDifference() {
        assertThat(ComparisonVerdict.of("A", "B", 0.1, new PairedTable(100, 20, 25, 5)))
                .isEqualTo("No significant difference at epsilon 0.1: 20 examples survive only under A, 25 only under "
                        + "B, p = 0.55.");
        assertThat(ComparisonVerdict.of("A", "B", null, new PairedTable(100, 0, 0, 5)))
                .isEqualTo("No difference on clean inputs: the two models are right on exactly the same 105 examples.");
        // p = 0.0625 for 0 against 5: not significant, however lopsided.
        assertThat(ComparisonVerdict.of("A", "B", 0.1, new PairedTable(1, 0, 5, 1))).startsWith("No significant");
    }

    @Test
    void pValuesReadAsAReviewerExpects() {
        assertThat(ComparisonVerdict.p(1.0)).isEqualTo("p = 1");
        assertThat(ComparisonVerdict.p(0.021484375)).isEqualTo("p = 0.021");
        assertThat(ComparisonVerdict.p(0.00099)).isEqualTo("p < 0.001");
        assertThat(ComparisonVerdict.p(0.0)).isEqualTo("p < 0.001");
    }
}
