package dev.temper.audit;

/**
 * Every change (or refused attempt at one) the audit trail records, with the kind of object it is about.
 * {@link #storedName()} is what entries keep, what the audit view shows and what readers filter by: it must
 * never change for an existing action, as stored entries and their hash chain hold it.
 */
public enum AuditAction {
    DATASET_REGISTER("dataset.register", AuditObjectType.DATASET_VERSION),
    DATASET_DERIVE("dataset.derive", AuditObjectType.DATASET_VERSION),
    DATASET_ARCHIVE("dataset.archive", AuditObjectType.DATASET_VERSION),
    DATASET_RESTORE("dataset.restore", AuditObjectType.DATASET_VERSION),
    DATASET_DELETE("dataset.delete", AuditObjectType.DATASET_VERSION),
    DATASET_LABEL_NOISE("dataset.label-noise", AuditObjectType.DATASET_VERSION),

    JOB_SUBMIT("job.submit", AuditObjectType.TRAINING_JOB),
    JOB_START("job.start", AuditObjectType.TRAINING_JOB),
    /** A lost worker's job queued again for its next attempt. */
    JOB_REQUEUE("job.requeue", AuditObjectType.TRAINING_JOB),
    /** A user queued a failed or cancelled job again, from the start. */
    JOB_RETRY("job.retry", AuditObjectType.TRAINING_JOB),
    JOB_SUCCEEDED("job.succeeded", AuditObjectType.TRAINING_JOB),
    JOB_FAILED("job.failed", AuditObjectType.TRAINING_JOB),
    JOB_CANCELLED("job.cancelled", AuditObjectType.TRAINING_JOB),

    QUOTA_SET("quota.set", AuditObjectType.TEAM_QUOTA),
    QUOTA_RESET("quota.reset", AuditObjectType.TEAM_QUOTA),

    MODEL_REGISTER("model.register", AuditObjectType.MODEL_VERSION),
    MODEL_ALIAS("model.alias", AuditObjectType.MODEL_VERSION),
    /** An approved version's model card was frozen; the entry keeps its SHA-256 in the hash chain. */
    MODEL_CARD_FREEZE("model.card-freeze", AuditObjectType.MODEL_VERSION),

    EVALUATION_RECORD("evaluation.record", AuditObjectType.EVALUATION_RESULT),
    BENCHMARK_CREATE("benchmark.create", AuditObjectType.BENCHMARK),

    APPROVAL_REQUEST("approval.request", AuditObjectType.APPROVAL_REQUEST),
    /** A reviewer's approval that does not yet complete the request (the policy asks for more). */
    APPROVAL_VOTE("approval.vote", AuditObjectType.APPROVAL_REQUEST),
    /** The approval that completed the request: the alias moved. */
    APPROVAL_APPROVE("approval.approve", AuditObjectType.APPROVAL_REQUEST),
    APPROVAL_REJECT("approval.reject", AuditObjectType.APPROVAL_REQUEST),
    /** Recorded when a decision is refused: who tried to approve or reject, and why they may not. */
    APPROVAL_DECIDE("approval.decide", AuditObjectType.APPROVAL_REQUEST),
    APPROVAL_WITHDRAW("approval.withdraw", AuditObjectType.APPROVAL_REQUEST),
    /** An open request passed the expiry its team's policy set; recorded by the sweep, not a person. */
    APPROVAL_EXPIRE("approval.expire", AuditObjectType.APPROVAL_REQUEST),
    /** A new version of a team's approval gate policy, or a refused attempt at one. */
    GATE_POLICY_UPDATE("gate-policy.update", AuditObjectType.GATE_POLICY),

    /** A team admin registered a webhook, or was refused one (the reason names the rule). */
    WEBHOOK_CREATE("webhook.create", AuditObjectType.WEBHOOK),
    WEBHOOK_DELETE("webhook.delete", AuditObjectType.WEBHOOK),
    /**
     * A write refused by a resource's role annotation, before any feature saw it (a signed-in user without a Temper
     * role); the object is the endpoint, "POST /api/jobs".
     */
    API_WRITE("api.write", AuditObjectType.API_ENDPOINT);

    private final String storedName;
    private final AuditObjectType objectType;

    AuditAction(String storedName, AuditObjectType objectType) {
        this.storedName = storedName;
        this.objectType = objectType;
    }

    /** The text in the entry's action column. */
    public String storedName() {
        return storedName;
    }

    /** What the entry's object id names. */
    public AuditObjectType objectType() {
        return objectType;
    }
}
