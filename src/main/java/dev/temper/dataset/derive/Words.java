package dev.temper.dataset.derive;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Small helpers for the summary sentences. */
final class Words {

    private Words() {
    }

    /** "1 sample", "3 samples". */
    static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** A share as a percentage without needless decimals: 0.7 is "70", 0.125 is "12.5". */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A parameter as people typed it: 0.1 is "0.1", 90.0 is "90". */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
