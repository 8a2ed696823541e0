package dev.temper.training;

import dev.temper.security.CurrentUser;
import dev.temper.training.executor.JobExecutor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cancelling as the API and the UI do it: the job's new state commits first, then its worker is stopped,
 * so a stopped worker never belongs to a job that still looks alive.
 */
@ApplicationScoped
public class JobControl {

    private final JobService jobs;
    private final JobExecutor executor;

    JobControl(JobService jobs, JobExecutor executor) {
        this.jobs = jobs;
        this.executor = executor;
    }

    public TrainingJob cancel(CurrentUser user, long id) {
        TrainingJob job = jobs.cancel(user, id);
        executor.stop(job.id);
        return job;
    }
}
