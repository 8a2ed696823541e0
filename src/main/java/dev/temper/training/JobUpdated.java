package dev.temper.training;

import dev.temper.base.LiveEvent;

/** Fired inside the transaction that changed a job; pages hear it after it commits. */
public record JobUpdated(long jobId, String team) implements LiveEvent {
}
