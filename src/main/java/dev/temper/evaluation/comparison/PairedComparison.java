package dev.temper.evaluation.comparison;

import java.util.List;

/**
 * Two evaluations on one dataset version's test split compared example by example: for clean inputs and for each
 * epsilon both measured (the worst case over all attacks), the 2x2 table of outcomes, McNemar's exact p-value on
 * its discordant cells, and a verdict in words.
 *
 * @param examples the test examples both were measured on (the same positions of the split)
 * @param caveats  what limits the verdicts: different suites, unreliable evaluations, epsilons measured by one only
 */
public record PairedComparison(Side left, Side right, long datasetVersionId, String datasetVersion, int examples,
        String threatModel, List<Paired> outcomes, List<String> caveats) {

    /** Outcome names. */
    public static final String CLEAN = "clean";
    public static final String ROBUST = "robust";

    /** @param name how the verdicts call it: the model version's label, with the evaluation id if both share it */
    public record Side(long evaluationId, long modelVersionId, String model, String name, String suite,
            boolean reliable, double cleanAccuracy, String perExampleSha256) {
    }

    /**
     * One 2x2 table: examples right (clean) or surviving every attack (robust at {@code epsilon}) under both, under
     * the left only, under the right only, under neither.
     *
     * @param epsilon     null for clean inputs
     * @param significant p below {@link dev.temper.engine.evaluation.compare.McNemar#ALPHA}
     */
    public record Paired(String outcome, Double epsilon, int both, int onlyLeft, int onlyRight, int neither,
            double pValue, boolean significant, String verdict) {
    }
}
