package dev.temper.evaluation.comparison;

/** An evaluation as the comparison page offers it for picking: enough to tell it apart, nothing large. */
public record EvaluationChoice(long id, String model, long datasetVersionId, String datasetVersion, String suite) {

    /** "Evaluation 12: cnn v3 on digits v1, QUICK"; {@link EvaluationChoices} filters on the same text. */
    public String label() {
        return "Evaluation " + id + ": " + model + " on " + datasetVersion + ", " + suite;
    }
}
