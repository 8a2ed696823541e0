package dev.temper.training;

/** Fired inside the transaction that changed a job; delivered to listeners after it commits. */
public record JobUpdated(long jobId, String team) {
}
