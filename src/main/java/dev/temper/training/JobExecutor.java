package dev.temper.training;

/** Starts a worker for one job attempt: a local process or a Kubernetes Job. */
public interface JobExecutor {

    /** Launches the worker; the job's state is already STARTING and its token hash stored. */
    void launch(long jobId, String token) throws Exception;
}
