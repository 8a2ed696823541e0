package dev.temper.training;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every second: stops jobs over their maximum run time, then moves queued jobs to the executor, highest
 * priority first (oldest first among equals), while fewer than the allowed number run.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private final TrainingJobRepository jobs;
    private final WorkerJobService workerJobs;
    private final JobExecutor executor;
    private final int parallelism;

    JobDispatcher(TrainingJobRepository jobs, WorkerJobService workerJobs, JobExecutor executor,
            @ConfigProperty(name = "temper.executor.parallelism") int parallelism) {
        this.jobs = jobs;
        this.workerJobs = workerJobs;
        this.executor = executor;
        this.parallelism = parallelism;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        for (long overdue : workerJobs.failOverdue(Instant.now())) {
            executor.stop(overdue);
        }
        List<Long> next = QuarkusTransaction.requiringNew().call(() -> {
            int free = parallelism - (int) jobs.countActive();
            return free <= 0 ? List.<Long>of() : jobs.nextQueued(free).stream().map(j -> j.id).toList();
        });
        for (long jobId : next) {
            String token = workerJobs.startAttempt(jobId);
            try {
                executor.launch(jobId, token);
            } catch (Exception e) {
                LOG.errorf(e, "Job %d: the worker could not be started", jobId);
                workerJobs.workerExited(jobId, "The worker could not be started: " + e.getMessage());
            }
        }
    }
}
