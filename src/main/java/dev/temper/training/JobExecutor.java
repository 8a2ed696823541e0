package dev.temper.training;

/** Starts a worker for one job attempt: a local process or a Kubernetes Job. */
public interface JobExecutor {

    /** Launches the worker; the job's state is already STARTING and its token hash stored. */
    void launch(long jobId, String token) throws Exception;

    /**
     * Stops the job's worker if it runs (cancelled, or over its maximum run time). The job's state has
     * already been decided; whatever the worker still reports is refused, its token being void.
     */
    void stop(long jobId);
}
