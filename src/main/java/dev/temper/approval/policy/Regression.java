package dev.temper.approval.policy;

import java.util.List;

/**
 * The candidate against the production version on the policy's benchmark, as captured at request time.
 *
 * @param productionVersion      the production version's label; null when the team has none
 * @param productionEvaluationId its newest evaluation on the benchmark; null when it has none
 * @param tests                  the paired McNemar tests (clean, and each epsilon both measured)
 * @param unavailable            why no comparison could be made; null when it was
 */
public record Regression(String productionVersion, Long productionEvaluationId, List<Test> tests,
        String comparisonLink, String unavailable) {

    /**
     * @param onlyCandidate examples right (or surviving) under the candidate only
     * @param onlyProduction under the production version only
     */
    public record Test(String outcome, Double epsilon, int onlyCandidate, int onlyProduction, double pValue,
            boolean significant) {

        /** Significantly worse: p below 0.05 and more examples lost than won. */
        public boolean candidateWorse() {
            return significant && onlyProduction > onlyCandidate;
        }
    }

    public static Regression noProduction() {
        return new Regression(null, null, List.of(), null, null);
    }

    public static Regression unavailable(String productionVersion, Long productionEvaluationId, String why) {
        return new Regression(productionVersion, productionEvaluationId, List.of(), null, why);
    }
}
