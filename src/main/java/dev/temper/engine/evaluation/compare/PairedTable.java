package dev.temper.engine.evaluation.compare;

import java.util.BitSet;

/**
 * Two models' outcomes on the same examples as a 2x2 table: examples that held under both, only under A, only
 * under B, and under neither. "Held" is what the bits say: right on the clean input, or survived every attack at
 * one epsilon. The off-diagonal cells are McNemar's discordant counts.
 */
public record PairedTable(int both, int onlyA, int onlyB, int neither) {

    public PairedTable {
        if (both < 0 || onlyA < 0 || onlyB < 0 || neither < 0) {
            throw new IllegalArgumentException("cells must be >= 0, got " + both + ", " + onlyA + ", " + onlyB + ", "
                    + neither);
        }
    }

    /**
     * @param a        bit i set when example i held under A
     * @param b        the same examples, in the same order, under B
     * @param examples how many examples the bits describe; no bit at or beyond it may be set
     */
    public static PairedTable of(BitSet a, BitSet b, int examples) {
        if (a.length() > examples || b.length() > examples) {
            throw new IllegalArgumentException("outcomes name examples beyond the " + examples + " compared");
        }
        BitSet both = (BitSet) a.clone();
        both.and(b);
        int bothHeld = both.cardinality();
        int onlyA = a.cardinality() - bothHeld;
        int onlyB = b.cardinality() - bothHeld;
        return new PairedTable(bothHeld, onlyA, onlyB, examples - bothHeld - onlyA - onlyB);
    }

    public int examples() {
        return both + onlyA + onlyB + neither;
    }

    /** McNemar's exact two-sided p-value on the discordant cells. */
    public double pValue() {
        return McNemar.exactPValue(onlyA, onlyB);
    }
}
