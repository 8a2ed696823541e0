package dev.temper.training;

/**
 * Where a job stands. Every edge is made by {@link JobTransitions}, which refuses any other
 * ({@link #canBecome}):
 * <ul>
 *   <li>submitted (by a user, or an evaluation queued after a training job) -> QUEUED</li>
 *   <li>QUEUED -> STARTING: the queue starts its next attempt (attempt + 1, a fresh worker token)</li>
 *   <li>STARTING -> RUNNING: the attempt's worker fetches its spec</li>
 *   <li>STARTING | RUNNING -> SUCCEEDED: the worker registers its model, or reports its evaluation</li>
 *   <li>STARTING | RUNNING -> FAILED: the worker or its executor reports a failure, the job ran past its
 *       maximum run time, or its worker was lost with no retries left</li>
 *   <li>STARTING | RUNNING -> QUEUED: its worker was lost (silent, not started in time, or gone from the
 *       executor) with retries left; the next attempt resumes from the last checkpoint</li>
 *   <li>QUEUED | STARTING | RUNNING -> CANCELLED: a user cancels it</li>
 *   <li>FAILED | CANCELLED -> QUEUED: a user retries it ({@link #isRetryable()}), from the start</li>
 * </ul>
 * SUCCEEDED is final. While waiting (for a GPU, say) or after a server restart the state stays; only the
 * job's message changes.
 */
public enum JobState {
    QUEUED, STARTING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean isActive() {
        return this == STARTING || this == RUNNING;
    }

    /** Whether the edge from this state to the next is one of those listed above. */
    boolean canBecome(JobState next) {
        return switch (this) {
            case QUEUED -> next == STARTING || next == CANCELLED;
            case STARTING -> next == RUNNING || next == QUEUED || next.isTerminal();
            case RUNNING -> next == QUEUED || next.isTerminal();
            case SUCCEEDED -> false;
            case FAILED, CANCELLED -> next == QUEUED;
        };
    }

    /** Whether a user may queue the job again: it ended without a result. */
    public boolean isRetryable() {
        return this == FAILED || this == CANCELLED;
    }
}
