package dev.temper.training;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.storage.ArtifactStore;
import dev.temper.training.executor.WorkerLaunch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Every change of a job's state goes through here, inside the caller's transaction with the job's row
 * locked: the audit trail, the job's timeline and the pushed update then never disagree with the state.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JobTransitions {

    public static final String WORKER_ACTOR_PREFIX = AuditLog.WORKER_ACTOR_PREFIX;

    private final JobEventRepository events;
    private final JobMetricRepository metrics;
    private final JobMetricPointRepository points;
    private final ArtifactStore store;
    private final AuditLog audit;
    private final Event<JobUpdated> updates;
    private final JobMeters meters;

    JobTransitions(JobEventRepository events, JobMetricRepository metrics, JobMetricPointRepository points,
            ArtifactStore store, AuditLog audit, Event<JobUpdated> updates, JobMeters meters) {
        this.events = events;
        this.metrics = metrics;
        this.points = points;
        this.store = store;
        this.audit = audit;
        this.updates = updates;
        this.meters = meters;
    }

    void submitted(TrainingJob job, String actor, String details) {
        audit.record(actor, job.team, AuditAction.JOB_SUBMIT, job.id, details);
        events.record(job.id, "queued", "Submitted by " + actor);
        changed(job);
    }

    /** A queued job's next attempt begins: a fresh token (the previous attempt's is void). */
    public WorkerLaunch start(TrainingJob job) {
        String token = JobTokens.newToken();
        move(job, JobState.STARTING);
        job.attempt++;
        job.tokenHash = JobTokens.hash(token);
        job.startedAt = Instant.now();
        job.heartbeatAt = null;
        job.workerRef = null;
        meters.started(job, job.startedAt);
        job.epochsAtStart = job.epochsDone;
        job.message = "Starting worker (attempt " + job.attempt + ")"
                + (job.checkpointEpoch > 0 ? ", resuming after epoch " + job.checkpointEpoch : "");
        audit.record(WORKER_ACTOR_PREFIX + job.id, job.team, AuditAction.JOB_START, job.id, "attempt " + job.attempt);
        events.record(job.id, "started", job.message);
        changed(job);
        return new WorkerLaunch(job.id, job.attempt, job.team, token, job.scheduling().resources(),
                job.maxRuntimeMinutes);
    }

    public void running(TrainingJob job) {
        move(job, JobState.RUNNING);
        job.message = "Running (attempt " + job.attempt + ")";
        job.heartbeatAt = Instant.now();
        events.record(job.id, "running", "Worker of attempt " + job.attempt + " is running");
        changed(job);
    }

    public void reattached(TrainingJob job) {
        job.heartbeatAt = Instant.now();
        events.record(job.id, "reattached", "The server restarted and found the worker of attempt " + job.attempt
                + " still running");
        changed(job);
    }

    /** The job keeps its state; its message says why its worker is not running yet. */
    public void waiting(TrainingJob job, String reason) {
        if (!reason.equals(job.message)) {
            job.message = reason;
            events.record(job.id, "waiting", reason);
            changed(job);
        }
    }

    /**
     * The attempt's worker is gone without finishing: another attempt is queued, resuming from the last
     * checkpoint, unless the retry limit is spent. Metrics after that checkpoint are dropped, as the next
     * attempt reports those epochs again: the history stays one continuous run.
     */
    public void lost(TrainingJob job, String reason) {
        if (!job.hasRetriesLeft()) {
            finish(job, JobState.FAILED, "Worker lost on attempt " + job.attempt + " (" + reason
                    + "); no retries left (limit " + job.maxRetries + ")", WORKER_ACTOR_PREFIX + job.id);
            return;
        }
        endAttempt(job);
        metrics.deleteAfterEpoch(job.id, job.checkpointEpoch);
        points.deleteAfterEpoch(job.id, job.checkpointEpoch);
        job.epochsDone = job.checkpointEpoch;
        move(job, JobState.QUEUED);
        job.message = "Worker lost (" + reason + "); queued again for attempt " + (job.attempt + 1) + " of "
                + (job.maxRetries + 1) + (job.checkpointEpoch > 0 ? ", resuming after epoch " + job.checkpointEpoch
                : ", from the start");
        audit.record(WORKER_ACTOR_PREFIX + job.id, job.team, AuditAction.JOB_REQUEUE, job.id, job.message);
        events.record(job.id, "lost", job.message);
        changed(job);
    }

    /** Queued again by a user, from the start: earlier epochs and checkpoints are dropped. */
    void retried(TrainingJob job, String actor) {
        String previous = job.state + (job.message == null ? "" : ": " + job.message);
        metrics.deleteAfterEpoch(job.id, 0);
        points.deleteAfterEpoch(job.id, 0);
        dropCheckpoint(job);
        move(job, JobState.QUEUED);
        job.message = "Retried by " + actor;
        job.epochsDone = 0;
        job.startedAt = null;
        job.finishedAt = null;
        job.heartbeatAt = null;
        audit.record(actor, job.team, AuditAction.JOB_RETRY, job.id, "after " + previous);
        events.record(job.id, "retried", job.message);
        changed(job);
    }

    public void finish(TrainingJob job, JobState state, String message, String actor) {
        endAttempt(job);
        move(job, state);
        job.message = message;
        job.finishedAt = Instant.now();
        dropCheckpoint(job);
        meters.finished(job, state, job.runSecondsBefore);
        audit.record(actor, job.team, endAction(state), job.id, message);
        events.record(job.id, state.name().toLowerCase(), message);
        changed(job);
    }

    public void changed(TrainingJob job) {
        updates.fire(new JobUpdated(job.id, job.team));
    }

    /** Every state change: an edge that {@link JobState} does not list is a bug of the caller, never a user's. */
    private static void move(TrainingJob job, JobState next) {
        if (!job.state.canBecome(next)) {
            throw new IllegalStateException("Job " + job.id + " cannot go from " + job.state + " to " + next);
        }
        job.state = next;
    }

    /** Voids the attempt's token and adds its run time to the job's. */
    private void endAttempt(TrainingJob job) {
        if (job.state.isActive() && job.startedAt != null) {
            double before = job.runSecondsBefore;
            job.runSecondsBefore = job.runSeconds(Instant.now());
            meters.attemptEnded(job, job.runSecondsBefore - before);
        }
        job.tokenHash = null;
        job.heartbeatAt = null;
    }

    private void dropCheckpoint(TrainingJob job) {
        if (job.checkpointKey != null) {
            store.delete(job.checkpointKey);
        }
        job.checkpointKey = null;
        job.checkpointEpoch = 0;
    }

    /** How the audit trail names a job's end; only the terminal states end a job. */
    private static AuditAction endAction(JobState state) {
        return switch (state) {
            case SUCCEEDED -> AuditAction.JOB_SUCCEEDED;
            case FAILED -> AuditAction.JOB_FAILED;
            case CANCELLED -> AuditAction.JOB_CANCELLED;
            case QUEUED, STARTING, RUNNING -> throw new IllegalArgumentException("A job does not end as " + state);
        };
    }
}
