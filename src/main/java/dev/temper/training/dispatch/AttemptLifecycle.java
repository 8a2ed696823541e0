package dev.temper.training.dispatch;

import dev.temper.training.JobState;
import dev.temper.training.JobTransitions;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingJobRepository;
import dev.temper.training.executor.WorkerEvents;
import dev.temper.training.executor.WorkerLaunch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * An attempt's life as the server and its executors see it, apart from what the worker itself reports:
 * started by the dispatcher, named by its executor, found again after a restart, waiting, failed or lost.
 * Every change names the attempt and locks the job's row, so a late event about an earlier attempt never
 * touches the current one.
 */
@ApplicationScoped
public class AttemptLifecycle implements WorkerEvents {

    private final TrainingJobRepository jobs;
    private final JobTransitions transitions;

    AttemptLifecycle(TrainingJobRepository jobs, JobTransitions transitions) {
        this.jobs = jobs;
        this.transitions = transitions;
    }

    /**
     * Moves a queued job to STARTING with a fresh token for its next attempt; empty if the job left the queue
     * (cancelled, say) after the queue chose it.
     */
    @Transactional
    public Optional<WorkerLaunch> startAttempt(long jobId) {
        return jobs.lock(jobId).filter(job -> job.state == JobState.QUEUED).map(transitions::start);
    }

    /** Remembers what names the attempt's worker to the executor, for reconciliation after a restart. */
    @Transactional
    public void launched(long jobId, int attempt, String workerRef) {
        jobs.lock(jobId).filter(job -> job.attempt == attempt && job.state.isActive())
                .ifPresent(job -> job.workerRef = workerRef);
    }

    /**
     * A worker found again after a server restart: the heartbeats it could not deliver while the server was
     * away do not count against it, so its silence is measured from now.
     */
    @Transactional
    public void reattached(long jobId, int attempt) {
        currentAttempt(jobId, attempt).ifPresent(transitions::reattached);
    }

    @Override
    @Transactional
    public void workerWaiting(long jobId, int attempt, String reason) {
        currentAttempt(jobId, attempt).ifPresent(job -> transitions.waiting(job, reason));
    }

    @Override
    @Transactional
    public void workerFailed(long jobId, int attempt, String reason) {
        currentAttempt(jobId, attempt).ifPresent(job -> transitions.finish(job, JobState.FAILED, reason,
                JobTransitions.WORKER_ACTOR_PREFIX + job.id));
    }

    @Override
    @Transactional
    public void workerLost(long jobId, int attempt, String reason) {
        currentAttempt(jobId, attempt).ifPresent(job -> transitions.lost(job, reason));
    }

    private Optional<TrainingJob> currentAttempt(long jobId, int attempt) {
        return jobs.lock(jobId).filter(job -> job.attempt == attempt && job.state.isActive());
    }
}
