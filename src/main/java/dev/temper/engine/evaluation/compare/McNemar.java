package dev.temper.engine.evaluation.compare;

/**
 * McNemar's exact test for two classifiers scored on the same examples. Only discordant examples (held under
 * one model and not the other) carry evidence; if both models are equally good, each of the {@code b + c} of them
 * favours either with probability 1/2, so the smaller count is Binomial(b + c, 1/2) in its lower tail. The
 * two-sided p-value doubles that tail: {@code p = min(1, 2 P(X <= min(b, c)))}.
 *
 * <p>The tail is summed relative to its largest term, whose logarithm is a sum of logarithms: counts of
 * hundreds of thousands neither overflow nor lose the tail to cancellation. A p-value below the smallest
 * positive double reads 0.
 */
public final class McNemar {

    /** The significance level the verdicts use; a p-value at or above it is "no significant difference". */
    public static final double ALPHA = 0.05;

    private static final double LOG_2 = Math.log(2);

    private McNemar() {
    }

    /**
     * @param onlyA examples that hold under A but not B
     * @param onlyB examples that hold under B but not A
     */
    public static double exactPValue(int onlyA, int onlyB) {
        if (onlyA < 0 || onlyB < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, got " + onlyA + " and " + onlyB);
        }
        long n = (long) onlyA + onlyB;
        int k = Math.min(onlyA, onlyB);
        if (2L * k >= n) {
            // b = c: the lower tail holds at least half the mass, so twice it is at least 1.
            return 1.0;
        }
        // Below the mode the terms C(n, i) grow with i; C(n, i - 1) / C(n, i) = i / (n - i + 1).
        double relativeSum = 1;
        double term = 1;
        for (int i = k; i > 0; i--) {
            term *= i / (double) (n - i + 1);
            relativeSum += term;
            if (term < 1e-18 * relativeSum) {
                break;
            }
        }
        double logP = LOG_2 + logBinomial(n, k) - n * LOG_2 + Math.log(relativeSum);
        return Math.min(1.0, Math.exp(logP));
    }

    /** ln C(n, k) as a sum of k logarithms of ratios, each between 1 and n. */
    static double logBinomial(long n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log((n - k + i) / (double) i);
        }
        return sum;
    }
}
