package dev.temper.evaluation.comparison;

import dev.temper.engine.evaluation.compare.McNemar;
import dev.temper.engine.evaluation.compare.PairedTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A 2x2 table's verdict in a sentence a reviewer can act on, e.g. "B is more robust at epsilon 0.1: 312 examples
 * survive only under B, 41 only under A, p < 0.001"; at p >= 0.05, "no significant difference".
 */
final class ComparisonVerdict {

    private ComparisonVerdict() {
    }

    /** @param epsilon null for clean inputs */
    static String of(String left, String right, Double epsilon, PairedTable table) {
        double p = table.pValue();
        boolean clean = epsilon == null;
        String where = clean ? "on clean inputs" : "at epsilon " + number(epsilon);
        String verb = clean ? "are right" : "survive";
        if (table.onlyA() + table.onlyB() == 0) {
            return "No difference " + where + ": the two models " + (clean ? "are right" : "hold")
                    + " on exactly the same " + table.examples() + " examples.";
        }
        if (p >= McNemar.ALPHA) {
            return "No significant difference " + where + ": " + examples(table.onlyA()) + " " + verb + " only under "
                    + left + ", " + table.onlyB() + " only under " + right + ", " + p(p) + ".";
        }
        boolean rightBetter = table.onlyB() > table.onlyA();
        String better = rightBetter ? right : left;
        String worse = rightBetter ? left : right;
        return better + " is " + (clean ? "more accurate " : "more robust ") + where + ": "
                + examples(Math.max(table.onlyA(), table.onlyB())) + " " + verb + " only under " + better + ", "
                + Math.min(table.onlyA(), table.onlyB()) + " only under " + worse + ", " + p(p) + ".";
    }

    /** "p < 0.001", or two significant digits: "p = 0.021", "p = 1". */
    static String p(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        return "p = " + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String examples(int count) {
        return String.format(Locale.ROOT, "%,d example%s", count, count == 1 ? "" : "s");
    }
}
