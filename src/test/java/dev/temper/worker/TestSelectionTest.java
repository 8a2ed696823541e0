package dev.temper.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.contract.DatasetFile.SplitRows;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestSelectionTest {

    private static final SplitRows TEST = new SplitRows(new float[][] {{0}, {1}, {2}, {3}, {4}, {5}},
            new int[] {0, 1, 0, 1, 0, 1});

    @Test
    void samplesSeenInTrainingAreLeftOutAndCounted() {
        TestSelection selection = TestSelection.of(TEST, v -> v[0] == 1 || v[0] == 4, 0, 1);

        assertThat(selection.positions()).containsExactly(0, 2, 3, 5);
        assertThat(selection.excluded()).isEqualTo(2);
        assertThat(selection.rows(TEST, 2, java.util.List.of("a", "b")).labels()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void aCapKeepsASeededSubsetInSplitOrder() {
        TestSelection first = TestSelection.of(TEST, v -> v[0] == 0, 3, 42);
        TestSelection again = TestSelection.of(TEST, v -> v[0] == 0, 3, 42);

        assertThat(first.positions()).hasSize(3).isSorted().doesNotContain(0).containsExactly(again.positions());
        assertThat(first.excluded()).isEqualTo(1);
    }

    @Test
    void nothingLeftIsAFailureNotAnEmptyEvaluation() {
        assertThatThrownBy(() -> TestSelection.of(TEST, v -> true, 0, 1)).hasMessageContaining("every one of the 6");
    }

    @Test
    void trainDeviationsArePopulationDeviationsOverPresentValues() {
        float[] std = FeatureScale.standardDeviations(new float[][] {{1, Float.NaN, 5}, {3, Float.NaN, 5},
                {Float.NaN, Float.NaN, 5}}, 3);

        assertThat(Arrays.copyOf(std, 3)).containsExactly(1f, 0f, 0f);
    }
}
