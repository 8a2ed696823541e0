package dev.temper.training.dispatch;

import dev.temper.training.executor.JobExecutor;
import dev.temper.training.executor.WorkerLaunch;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every second: ends the attempts the server must end (over their run time, silent workers), then starts
 * the queued jobs the queue lets through. Each state change commits before the executor acts on it.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private final JobQueue queue;
    private final AttemptWatch watch;
    private final AttemptLifecycle attempts;
    private final JobExecutor executor;

    JobDispatcher(JobQueue queue, AttemptWatch watch, AttemptLifecycle attempts, JobExecutor executor) {
        this.queue = queue;
        this.watch = watch;
        this.attempts = attempts;
        this.executor = executor;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        Instant now = Instant.now();
        for (long overdue : watch.failOverdue(now)) {
            executor.stop(overdue);
        }
        for (long lost : watch.declareSilentLost(now)) {
            executor.stop(lost);
        }
        for (long jobId : queue.nextToStart()) {
            attempts.startAttempt(jobId).ifPresent(this::launch);
        }
    }

    private void launch(WorkerLaunch launch) {
        try {
            attempts.launched(launch.jobId(), launch.attempt(), executor.launch(launch));
        } catch (Exception e) {
            LOG.errorf(e, "Job %d: the worker of attempt %d could not be started", launch.jobId(), launch.attempt());
            attempts.workerFailed(launch.jobId(), launch.attempt(), "The worker could not be started: " + e.getMessage());
        }
    }
}
