package dev.temper.training;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What operators watch of training and evaluation, for Prometheus: how long jobs wait and run, the GPU time each
 * team uses, workers that fell silent, and the metric points workers deliver. Recorded where jobs change state
 * ({@code JobTransitions}) and where reports arrive, so the figures count the same events the audit trail does.
 */
@ApplicationScoped
public class JobMeters {

    private final MeterRegistry registry;
    private final Counter pointsIngested;

    JobMeters(MeterRegistry registry) {
        this.registry = registry;
        this.pointsIngested = Counter.builder("temper.metric.points.ingested")
                .description("Metric points and epoch reports workers delivered that were stored (resends excluded)")
                .register(registry);
    }

    /** From submission to the first attempt's start; a re-queued attempt's wait is not a new submission's. */
    public void started(TrainingJob job, Instant now) {
        if (job.attempt == 1 && job.createdAt != null) {
            Timer.builder("temper.jobs.queue.wait").description("Time from a job's submission to its first start")
                    .tag("team", job.team).tag("kind", kind(job)).register(registry)
                    .record(Duration.between(job.createdAt, now));
        }
    }

    /** An attempt's run ends (finished, lost or stopped): its GPUs were held for its run time. */
    public void attemptEnded(TrainingJob job, double attemptSeconds) {
        if (job.gpus > 0 && attemptSeconds > 0) {
            Counter.builder("temper.gpu.seconds").description("GPU-seconds held by the attempts of each team's jobs")
                    .baseUnit("seconds").tag("team", job.team).register(registry).increment(job.gpus * attemptSeconds);
        }
    }

    /** A job ends: its total run time over all attempts, by kind (training or evaluation) and outcome. */
    public void finished(TrainingJob job, JobState outcome, double runSeconds) {
        Timer.builder("temper.jobs.duration").description("Run time of finished jobs over all their attempts")
                .tag("kind", kind(job)).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry)
                .record(Duration.ofMillis(Math.round(runSeconds * 1000)));
    }

    /** A worker fell silent (no heartbeat, or never started) and its attempt was given up. */
    public void workerLost(TrainingJob job) {
        Counter.builder("temper.workers.lost").description("Attempts given up because their worker fell silent")
                .tag("team", job.team).register(registry).increment();
    }

    public void pointsIngested(int count) {
        pointsIngested.increment(count);
    }

    private static String kind(TrainingJob job) {
        return job.kind.name().toLowerCase(Locale.ROOT);
    }
}
