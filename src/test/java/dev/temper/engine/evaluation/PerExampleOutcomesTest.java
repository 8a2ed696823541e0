package dev.temper.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PerExampleOutcomesTest {

    @Test
    void encodingRoundTripsAndPositionsTranslate() {
        PerExampleOutcomes outcomes = outcomes(new int[] {0, 1, 2, 3});

        PerExampleOutcomes decoded = PerExampleOutcomes.decode(outcomes.encode());

        assertThat(decoded.positions()).containsExactly(0, 1, 2, 3);
        assertThat(decoded.clean()).isEqualTo(outcomes.clean());
        assertThat(decoded.survived()).isEqualTo(outcomes.survived());
        assertThat(decoded.withPositions(new int[] {5, 7, 8, 11}).positions()).containsExactly(5, 7, 8, 11);
    }

    @Test
    void malformedFilesAreRefusedWithAReason() {
        byte[] encoded = outcomes(new int[] {0, 1, 2, 3}).encode();

        assertThatThrownBy(() -> PerExampleOutcomes.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> PerExampleOutcomes.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> outcomes(new int[] {0, 2, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending, distinct");
        byte[] repeated = encoded.clone();
        repeated[12 + 3 * Integer.BYTES + 3] = 1; // the fourth position becomes 1, below the third
        assertThatThrownBy(() -> PerExampleOutcomes.decode(repeated)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PerExampleOutcomes outcomes(int[] positions) {
        BitSet clean = PerExampleOutcomes.bits(new boolean[] {true, true, false, true});
        SortedMap<Double, BitSet> byEpsilon = new TreeMap<>();
        byEpsilon.put(0.1, PerExampleOutcomes.bits(new boolean[] {true, false, false, true}));
        SortedMap<String, SortedMap<Double, BitSet>> survived = new TreeMap<>();
        survived.put(PerExampleOutcomes.WORST_CASE, byEpsilon);
        return new PerExampleOutcomes(4, positions, clean, survived);
    }
}
