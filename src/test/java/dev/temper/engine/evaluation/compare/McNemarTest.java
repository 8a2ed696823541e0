package dev.temper.engine.evaluation.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void noDiscordantExamplesIsNoEvidence() {
        assertThat(McNemar.exactPValue(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(0, 1)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(5, 5)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(50_000, 50_000)).isEqualTo(1.0);
    }

    /** Reference values from scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue (two-sided, exact). */
    @Test
    void matchesTheExactBinomialTest() {
        assertRelative(McNemar.exactPValue(1, 9), 0.021484375);
        assertRelative(McNemar.exactPValue(0, 5), 0.0625);
        assertRelative(McNemar.exactPValue(3, 17), 0.0025768280029296875);
        assertRelative(McNemar.exactPValue(12, 30), 0.007915897334896727);
        assertRelative(McNemar.exactPValue(1000, 1100), 0.03072070786424249);
        assertRelative(McNemar.exactPValue(41, 312), 9.609041475375989e-53);
    }

    @Test
    void staysAccurateForCountsOfAHundredThousand() {
        assertRelative(McNemar.exactPValue(49_000, 51_000), 2.5887160383468943e-10);
        assertRelative(McNemar.exactPValue(49_900, 50_100), 0.5291572940801981);
        assertRelative(McNemar.exactPValue(100_000, 99_000), 0.025127217688360817);
        // 2 / 2^100000 is far below the smallest double: it reads 0, never NaN or a wrong positive number.
        assertThat(McNemar.exactPValue(0, 100_000)).isZero();
        assertThat(McNemar.exactPValue(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2)).isEqualTo(1.0);
    }

    @Test
    void isSymmetricInTheTwoModels() {
        for (int b = 0; b < 40; b += 3) {
            for (int c = 0; c < 40; c += 7) {
                assertThat(McNemar.exactPValue(b, c)).isEqualTo(McNemar.exactPValue(c, b));
            }
        }
        assertThat(McNemar.exactPValue(41, 312)).isEqualTo(McNemar.exactPValue(312, 41));
    }

    /** An independent oracle: the tail summed exactly in integers and divided by 2^n in decimal. */
    @Test
    void agreesWithExactArithmetic() {
        int[][] cases = {{0, 3}, {2, 9}, {7, 8}, {20, 45}, {150, 210}, {480, 520}, {900, 1000}};
        for (int[] counts : cases) {
            assertRelative(McNemar.exactPValue(counts[0], counts[1]), exact(counts[0], counts[1]));
        }
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> McNemar.exactPValue(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTableCountsTheFourCellsOfPairedOutcomes() {
        BitSet a = bits(0, 1, 2, 5);
        BitSet b = bits(1, 2, 3, 4, 6);
        PairedTable table = PairedTable.of(a, b, 8);
        assertThat(table).isEqualTo(new PairedTable(2, 2, 3, 1));
        assertThat(table.examples()).isEqualTo(8);
        assertThat(table.pValue()).isEqualTo(McNemar.exactPValue(2, 3));
        assertThatThrownBy(() -> PairedTable.of(bits(9), b, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BitSet bits(int... set) {
        BitSet bits = new BitSet();
        for (int i : set) {
            bits.set(i);
        }
        return bits;
    }

    private static double exact(int b, int c) {
        int n = b + c;
        int k = Math.min(b, c);
        BigInteger tail = BigInteger.ZERO;
        BigInteger binomial = BigInteger.ONE;
        for (int i = 0; i <= k; i++) {
            tail = tail.add(binomial);
            binomial = binomial.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        BigDecimal p = new BigDecimal(tail.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)),
                MathContext.DECIMAL128);
        return Math.min(1.0, p.doubleValue());
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, offset(Math.abs(expected) * 1e-9));
    }
}
