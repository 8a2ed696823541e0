package dev.temper.audit;

/** The kinds of object audit entries are about; {@link #storedName()} is what entries keep. */
public enum AuditObjectType {
    DATASET_VERSION("DatasetVersion"),
    TRAINING_JOB("TrainingJob"),
    TEAM_QUOTA("TeamQuota"),
    MODEL_VERSION("ModelVersion"),
    EVALUATION_RESULT("EvaluationResult"),
    BENCHMARK("Benchmark"),
    APPROVAL_REQUEST("ApprovalRequest"),
    GATE_POLICY("GatePolicy"),
    WEBHOOK("Webhook"),
    API_ENDPOINT("ApiEndpoint");

    private final String storedName;

    AuditObjectType(String storedName) {
        this.storedName = storedName;
    }

    /** The text in the entry's object type column, as the audit view and the API show it. */
    public String storedName() {
        return storedName;
    }
}
