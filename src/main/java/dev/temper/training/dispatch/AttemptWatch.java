package dev.temper.training.dispatch;

import dev.temper.training.JobState;
import dev.temper.training.JobMeters;
import dev.temper.training.JobTransitions;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingJobRepository;
import dev.temper.training.executor.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends attempts that the server must end itself: jobs past their maximum run time fail; workers that stopped
 * sending heartbeats (or never started) are declared lost, and their jobs are retried where they may be.
 */
@ApplicationScoped
class AttemptWatch {

    private final TrainingJobRepository jobs;
    private final JobTransitions transitions;
    private final JobMeters meters;
    private final Duration heartbeatTimeout;
    private final Duration startTimeout;

    AttemptWatch(TrainingJobRepository jobs, JobTransitions transitions, WorkerConfig config, JobMeters meters) {
        this.meters = meters;
        this.jobs = jobs;
        this.transitions = transitions;
        this.heartbeatTimeout = config.heartbeatTimeout();
        this.startTimeout = config.startTimeout();
    }

    /** Fails active jobs over their maximum run time; returns their ids, for the executor to stop the workers. */
    @Transactional
    List<Long> failOverdue(Instant now) {
        List<Long> overdue = new ArrayList<>();
        // Checked before locking, then again under the lock: most seconds, nothing is overdue.
        for (TrainingJob candidate : jobs.active().stream().filter(job -> overdue(job, now)).toList()) {
            TrainingJob job = jobs.lock(candidate);
            if (job.state.isActive() && overdue(job, now)) {
                transitions.finish(job, JobState.FAILED, "Stopped: it ran longer than its maximum of "
                        + job.maxRuntimeMinutes + " minutes", JobTransitions.WORKER_ACTOR_PREFIX + job.id);
                overdue.add(job.id);
            }
        }
        return overdue;
    }

    /**
     * Declares lost the running workers silent for longer than the heartbeat timeout, and the workers that
     * have not started within the start timeout; returns the jobs whose workers are to be stopped.
     */
    @Transactional
    List<Long> declareSilentLost(Instant now) {
        List<Long> lost = new ArrayList<>();
        for (TrainingJob candidate : jobs.active().stream().filter(job -> silence(job, now) != null).toList()) {
            TrainingJob job = jobs.lock(candidate);
            String reason = silence(job, now);
            if (reason != null) {
                meters.workerLost(job);
                transitions.lost(job, reason);
                lost.add(job.id);
            }
        }
        return lost;
    }

    private static boolean overdue(TrainingJob job, Instant now) {
        return job.runSeconds(now) > job.maxRuntimeMinutes * 60.0;
    }

    private String silence(TrainingJob job, Instant now) {
        if (job.state == JobState.RUNNING && job.heartbeatAt != null
                && job.heartbeatAt.plus(heartbeatTimeout).isBefore(now)) {
            return "no heartbeat for " + heartbeatTimeout.toSeconds() + " s";
        }
        if (job.state == JobState.STARTING && job.startedAt != null && job.startedAt.plus(startTimeout).isBefore(now)) {
            return "it did not start within " + startTimeout.toMinutes() + " minutes";
        }
        return null;
    }
}
