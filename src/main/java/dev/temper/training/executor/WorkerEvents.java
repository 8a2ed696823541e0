package dev.temper.training.executor;

/**
 * What executors observe about a worker that the worker cannot say itself. Each names the attempt, so a
 * late event about an earlier attempt never touches the current one.
 */
public interface WorkerEvents {

    /** The worker is not running yet, and why (waiting for a node, pulling its image). The job keeps its state. */
    void workerWaiting(long jobId, int attempt, String reason);

    /** The worker cannot run and trying again would not help (its image cannot be pulled, out of memory). */
    void workerFailed(long jobId, int attempt, String reason);

    /** The worker ended without finishing (crashed, killed, its node lost): the job is retried if it may be. */
    void workerLost(long jobId, int attempt, String reason);
}
