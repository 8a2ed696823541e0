package dev.temper.training.queue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which queued jobs start now and why the others wait. Plain code without state, so every rule is
 * testable on its own:
 * <ul>
 * <li>Within a team, jobs start strictly by priority (higher first), then by age: a team's first job that
 * does not fit holds back the jobs behind it, so small jobs cannot starve a big one.</li>
 * <li>Across teams, each free worker slot goes to the team using the smallest share of its GPU quota
 * (then the one running fewer jobs, then the one whose first job is oldest), among the teams whose first
 * job fits their quota now. A team that cannot start its first job blocks only itself.</li>
 * <li>A job needing more GPUs than its team's whole quota could never start; it waits without holding
 * back the team's other jobs, until an admin raises the quota or someone cancels it.</li>
 * <li>No team holds every worker slot, whatever its quota: with more than one slot, one is always left for other
 * teams, so a team that queues a hundred jobs cannot lock the others out until they finish.</li>
 * </ul>
 */
public final class QueuePlanner {

    /** A queued job, as the planner sees it. */
    public record QueuedJob(long id, String team, int priority, int gpus, Instant createdAt) {
    }

    /** A job that holds a worker slot now (starting or running). */
    public record ActiveJob(String team, int gpus) {
    }

    /** The jobs to start now, in start order, and for every other queued job the reason it waits. */
    public record Plan(List<Long> toStart, Map<Long, String> waiting) {
    }

    private static final Comparator<QueuedJob> TEAM_ORDER = Comparator.comparingInt(QueuedJob::priority).reversed()
            .thenComparing(QueuedJob::createdAt).thenComparingLong(QueuedJob::id);

    private static final Comparator<TeamQueue> FAIRNESS = Comparator.comparingDouble(TeamQueue::gpuShare)
            .thenComparingInt(t -> t.running)
            .thenComparing(t -> t.head().createdAt())
            .thenComparingLong(t -> t.head().id());

    private QueuePlanner() {
    }

    /**
     * @param quotas the limits of every team that has a queued or active job
     * @param workerSlots how many workers the executor runs at once; active jobs take theirs
     */
    public static Plan plan(List<QueuedJob> queued, List<ActiveJob> active, Map<String, QuotaLimits> quotas,
            int workerSlots) {
        Map<String, TeamQueue> teams = new TreeMap<>();
        for (ActiveJob job : active) {
            teams.computeIfAbsent(job.team(), team -> new TeamQueue(team, limitsOf(quotas, team), workerSlots))
                    .hold(job.gpus());
        }
        queued.stream().sorted(TEAM_ORDER).forEach(job -> teams
                .computeIfAbsent(job.team(), team -> new TeamQueue(team, limitsOf(quotas, team), workerSlots))
                .enqueue(job));

        List<Long> toStart = new ArrayList<>();
        int free = workerSlots - active.size();
        while (free > 0) {
            TeamQueue next = teams.values().stream().filter(TeamQueue::headFits).min(FAIRNESS).orElse(null);
            if (next == null) {
                break;
            }
            toStart.add(next.startHead().id());
            free--;
        }
        boolean slotsLeft = free > 0;

        Map<Long, String> waiting = new LinkedHashMap<>();
        teams.values().forEach(team -> team.explainWaiting(waiting, workerSlots, slotsLeft));
        return new Plan(List.copyOf(toStart), waiting);
    }

    /** The most jobs one team may run at once, whatever its quota: all slots but one, when there is more than one. */
    static int slotsPerTeam(int workerSlots) {
        return Math.max(1, workerSlots - 1);
    }

    private static QuotaLimits limitsOf(Map<String, QuotaLimits> quotas, String team) {
        QuotaLimits limits = quotas.get(team);
        if (limits == null) {
            throw new IllegalArgumentException("No quota given for team " + team);
        }
        return limits;
    }

    /** One team's queue in priority order, and what the team holds (including what this plan starts). */
    private static final class TeamQueue {

        final String team;
        final QuotaLimits limits;
        /** Jobs that fit the team's quota once it has room, in the team's order. */
        final Deque<QueuedJob> startable = new ArrayDeque<>();
        /** Jobs bigger than the team's whole GPU quota. */
        final List<QueuedJob> tooBig = new ArrayList<>();
        final int maxRunning;
        int gpusInUse;
        int running;

        TeamQueue(String team, QuotaLimits limits, int workerSlots) {
            this.team = team;
            this.limits = limits;
            this.maxRunning = Math.min(limits.maxConcurrentJobs(), slotsPerTeam(workerSlots));
        }

        void hold(int gpus) {
            gpusInUse += gpus;
            running++;
        }

        void enqueue(QueuedJob job) {
            (job.gpus() > limits.maxGpus() ? tooBig : startable).add(job);
        }

        QueuedJob head() {
            return startable.peekFirst();
        }

        boolean headFits() {
            QueuedJob head = head();
            return head != null && running < maxRunning
                    && gpusInUse + head.gpus() <= limits.maxGpus();
        }

        QueuedJob startHead() {
            QueuedJob head = startable.removeFirst();
            hold(head.gpus());
            return head;
        }

        double gpuShare() {
            return limits.maxGpus() == 0 ? 0 : (double) gpusInUse / limits.maxGpus();
        }

        void explainWaiting(Map<Long, String> waiting, int workerSlots, boolean slotsFree) {
            QueuedJob head = head();
            for (QueuedJob job : startable) {
                waiting.put(job.id(), job == head ? headReason(workerSlots, slotsFree) : behind(head, job));
            }
            for (QueuedJob job : tooBig) {
                waiting.put(job.id(), "waiting: needs " + job.gpus() + " GPUs, more than " + team + "'s quota of "
                        + limits.maxGpus());
            }
        }

        private String headReason(int workerSlots, boolean slotsFree) {
            if (gpusInUse + head().gpus() > limits.maxGpus()) {
                return "waiting: " + team + " uses " + gpusInUse + " of " + limits.maxGpus() + " GPUs";
            }
            if (running >= limits.maxConcurrentJobs()) {
                return "waiting: " + team + " runs " + running + " of " + limits.maxConcurrentJobs() + " jobs at once";
            }
            if (running >= maxRunning && slotsFree) {
                return "waiting: " + team + " runs " + running + " jobs, the most one team may hold of the "
                        + workerSlots + " worker slots (one is kept for other teams)";
            }
            return "waiting: all " + workerSlots + " worker slots are busy";
        }

        private String behind(QueuedJob head, QueuedJob job) {
            return "waiting: behind job " + head.id() + " of " + team
                    + (head.priority() > job.priority() ? " (higher priority)" : " (queued earlier)");
        }
    }
}
