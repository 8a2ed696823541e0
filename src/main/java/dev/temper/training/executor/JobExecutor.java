package dev.temper.training.executor;

/**
 * Runs workers: a local process or a Kubernetes Job per attempt. What happens to a worker outside the
 * protocol (it cannot be scheduled, it crashed, it was killed) the executor reports to {@link WorkerEvents}.
 */
public interface JobExecutor {

    /**
     * Starts the worker of one attempt; the job's state is already STARTING with the attempt's token stored.
     * Returns what names the worker to this executor (a process id, a Job name), kept with the job so that
     * {@link #reattach} can find it after a server restart.
     */
    String launch(WorkerLaunch launch) throws Exception;

    /**
     * Stops the job's worker if one runs (cancelled, over its run time, declared lost). The job's state has
     * already been decided; whatever the worker still reports is refused, its token being void.
     */
    void stop(long jobId);

    /**
     * After a server restart: whether the worker of this attempt still runs. If it does, the executor watches
     * it again and reports its end as it would have; if not, the caller declares the attempt lost.
     */
    boolean reattach(long jobId, int attempt, String workerRef);
}
