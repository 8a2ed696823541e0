package dev.temper.engine.evaluation.metrics;

/**
 * Wilson score interval for a binomial proportion. Preferred over the normal approximation because it
 * stays inside [0, 1] and remains meaningful at 0 or n successes and for small test sets.
 */
public record WilsonInterval(double lower, double upper) {

    /** Two-sided 95% standard normal quantile. */
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of95(int successes, int trials) {
        return of(successes, trials, Z95);
    }

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
        if (trials == 0) {
            return new WilsonInterval(0, 1);
        }
        double p = successes / (double) trials;
        double z2 = z * z;
        double denominator = 1 + z2 / trials;
        double center = (p + z2 / (2.0 * trials)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return new WilsonInterval(Math.max(0, center - halfWidth), Math.min(1, center + halfWidth));
    }
}
