package dev.temper.training.dispatch;

import dev.temper.training.JobState;
import dev.temper.training.JobTransitions;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingJobRepository;
import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.queue.QueuePlanner.ActiveJob;
import dev.temper.training.queue.QueuePlanner.QueuedJob;
import dev.temper.training.queue.QueuePlanner;
import dev.temper.training.queue.QuotaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which queued jobs start now, by the {@link QueuePlanner}'s rules: team quotas, priority within a
 * team, fairness across teams, and the executor's worker slots (its parallelism). A job that stays queued
 * gets the reason in its message, written only when the reason changes.
 */
@ApplicationScoped
class JobQueue {

    private final TrainingJobRepository jobs;
    private final JobTransitions transitions;
    private final QuotaService quotas;
    private final int parallelism;

    JobQueue(TrainingJobRepository jobs, JobTransitions transitions, QuotaService quotas, ExecutorConfig config) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.quotas = quotas;
        this.parallelism = config.parallelism();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> nextToStart() {
        List<TrainingJob> queued = jobs.queued();
        if (queued.isEmpty()) {
            return List.of();
        }
        List<TrainingJob> active = jobs.active();
        Set<String> teams = new TreeSet<>();
        queued.forEach(job -> teams.add(job.team));
        active.forEach(job -> teams.add(job.team));
        QueuePlanner.Plan plan = QueuePlanner.plan(
                queued.stream().map(j -> new QueuedJob(j.id, j.team, j.priority, j.gpus, j.createdAt)).toList(),
                active.stream().map(j -> new ActiveJob(j.team, j.gpus)).toList(),
                quotas.limitsOf(teams), parallelism);
        Map<Long, TrainingJob> byId = queued.stream().collect(Collectors.toMap(j -> j.id, Function.identity()));
        plan.waiting().forEach((id, reason) -> explain(byId.get(id), reason));
        return plan.toStart();
    }

    /** Locks the job only when its message changes; one cancelled meanwhile is left as it is. */
    private void explain(TrainingJob job, String reason) {
        if (reason.equals(job.message)) {
            return;
        }
        jobs.lock(job);
        if (job.state == JobState.QUEUED) {
            transitions.waiting(job, reason);
        }
    }
}
