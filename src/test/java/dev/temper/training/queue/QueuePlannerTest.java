package dev.temper.training.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.temper.training.queue.QueuePlanner.ActiveJob;
import dev.temper.training.queue.QueuePlanner.Plan;
import dev.temper.training.queue.QueuePlanner.QueuedJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueuePlannerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final QuotaLimits FOUR_GPUS = new QuotaLimits(4, 2);

    /** Job ids double as submission order: a higher id was submitted later. */
    private static QueuedJob job(long id, String team, int priority, int gpus) {
        return new QueuedJob(id, team, priority, gpus, T0.plusSeconds(id));
    }

    private static List<ActiveJob> running(String team, int... gpusPerJob) {
        List<ActiveJob> jobs = new ArrayList<>();
        for (int gpus : gpusPerJob) {
            jobs.add(new ActiveJob(team, gpus));
        }
        return jobs;
    }

    @Test
    void withinATeamHigherPriorityStartsFirstThenTheOlderJob() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0), job(2, "team-a", 80, 0),
                job(3, "team-a", 50, 0)), running("team-b", 0),
                Map.of("team-a", new QuotaLimits(4, 10), "team-b", FOUR_GPUS), 3);

        assertThat(plan.toStart()).containsExactly(2L, 1L);
        assertThat(plan.waiting()).containsExactly(entry(3L, "waiting: all 3 worker slots are busy"));
    }

    @Test
    void oneTeamNeverHoldsEveryWorkerSlotWhateverItsQuota() {
        Map<String, QuotaLimits> quotas = Map.of("team-a", new QuotaLimits(4, 10), "team-b", FOUR_GPUS);

        Plan alone = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0), job(2, "team-a", 50, 0),
                job(3, "team-a", 50, 0)), List.of(), quotas, 3);
        assertThat(alone.toStart()).containsExactly(1L, 2L);
        assertThat(alone.waiting()).containsExactly(entry(3L, "waiting: team-a runs 2 jobs, the most one team may"
                + " hold of the 3 worker slots (one is kept for other teams)"));

        Plan later = QueuePlanner.plan(List.of(job(3, "team-a", 50, 0), job(4, "team-b", 10, 0)),
                running("team-a", 0, 0), quotas, 3);
        assertThat(later.toStart()).containsExactly(4L);
    }

    @Test
    void aSingleWorkerSlotStillRunsJobs() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0)), List.of(), Map.of("team-a", FOUR_GPUS), 1);

        assertThat(plan.toStart()).containsExactly(1L);
    }

    @Test
    void jobsBehindATeamsFirstWaitingJobSayWhichJobTheyAreBehindAndWhy() {
        Plan plan = QueuePlanner.plan(List.of(job(5, "team-a", 50, 0), job(6, "team-a", 90, 0),
                job(7, "team-a", 90, 0)), List.of(), Map.of("team-a", FOUR_GPUS), 0);

        assertThat(plan.toStart()).isEmpty();
        assertThat(plan.waiting()).containsOnly(
                entry(6L, "waiting: all 0 worker slots are busy"),
                entry(7L, "waiting: behind job 6 of team-a (queued earlier)"),
                entry(5L, "waiting: behind job 6 of team-a (higher priority)"));
    }

    @Test
    void theNextSlotGoesToTheTeamUsingTheSmallerShareOfItsQuotaEvenIfTheOtherHasHigherPriority() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 100, 1), job(2, "team-b", 10, 1)),
                running("team-a", 1), Map.of("team-a", FOUR_GPUS, "team-b", FOUR_GPUS), 2);

        assertThat(plan.toStart()).containsExactly(2L);
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: all 2 worker slots are busy"));
    }

    @Test
    void twoTeamsWithEqualQuotasTakeTurns() {
        QuotaLimits roomy = new QuotaLimits(8, 10);
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 1), job(2, "team-a", 50, 1),
                job(3, "team-a", 50, 1), job(4, "team-b", 50, 1), job(5, "team-b", 50, 1)),
                List.of(), Map.of("team-a", roomy, "team-b", roomy), 4);

        assertThat(plan.toStart()).containsExactly(1L, 4L, 2L, 5L);
        assertThat(plan.waiting()).containsOnlyKeys(3L);
    }

    @Test
    void amongThreeTeamsTheShareOfEachTeamsOwnQuotaDecides() {
        // team-a holds 2 of 4 (50 %), team-b 0 of 2 (0 %), team-c 2 of 8 (25 %).
        List<ActiveJob> active = new ArrayList<>(running("team-a", 2));
        active.addAll(running("team-c", 2));
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 1), job(2, "team-b", 50, 1),
                job(3, "team-c", 50, 1)), active, Map.of("team-a", new QuotaLimits(4, 5),
                "team-b", new QuotaLimits(2, 5), "team-c", new QuotaLimits(8, 5)), 4);

        assertThat(plan.toStart()).containsExactly(2L, 3L);
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: all 4 worker slots are busy"));
    }

    @Test
    void onEqualSharesTheTeamRunningFewerJobsGoesFirstThenTheOneWithTheOlderJob() {
        Map<String, QuotaLimits> quotas = Map.of("team-a", FOUR_GPUS, "team-b", FOUR_GPUS, "team-c", FOUR_GPUS);
        // CPU jobs only: every share is 0. team-a runs one job already.
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0), job(2, "team-c", 50, 0),
                job(3, "team-b", 50, 0)), running("team-a", 0), quotas, 2);

        assertThat(plan.toStart()).containsExactly(2L);
        assertThat(plan.waiting()).containsOnlyKeys(1L, 3L);
    }

    @Test
    void aTeamAtItsGpuQuotaWaitsAndSaysSoWhileOtherTeamsStart() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 90, 1), job(2, "team-b", 50, 2)),
                running("team-a", 4), Map.of("team-a", new QuotaLimits(4, 5), "team-b", FOUR_GPUS), 4);

        assertThat(plan.toStart()).containsExactly(2L);
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: team-a uses 4 of 4 GPUs"));
    }

    @Test
    void aTeamsFirstJobThatDoesNotFitHoldsBackItsSmallerJobsBehindIt() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 80, 3), job(2, "team-a", 50, 1)),
                running("team-a", 2), Map.of("team-a", new QuotaLimits(4, 5)), 4);

        assertThat(plan.toStart()).isEmpty();
        assertThat(plan.waiting()).containsOnly(entry(1L, "waiting: team-a uses 2 of 4 GPUs"),
                entry(2L, "waiting: behind job 1 of team-a (higher priority)"));
    }

    @Test
    void aTeamAtItsConcurrentJobLimitWaitsEvenForJobsWithoutGpus() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0)), running("team-a", 0, 0),
                Map.of("team-a", FOUR_GPUS), 4);

        assertThat(plan.toStart()).isEmpty();
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: team-a runs 2 of 2 jobs at once"));
    }

    @Test
    void jobsStartedInThisPlanCountAgainstTheQuota() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 3), job(2, "team-a", 50, 2)), List.of(),
                Map.of("team-a", FOUR_GPUS), 4);

        assertThat(plan.toStart()).containsExactly(1L);
        assertThat(plan.waiting()).containsExactly(entry(2L, "waiting: team-a uses 3 of 4 GPUs"));
    }

    @Test
    void nothingStartsWhenAllWorkerSlotsAreBusy() {
        List<ActiveJob> active = new ArrayList<>(running("team-a", 0));
        active.addAll(running("team-b", 0));
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0), job(2, "team-b", 50, 0)), active,
                Map.of("team-a", FOUR_GPUS, "team-b", FOUR_GPUS), 2);

        assertThat(plan.toStart()).isEmpty();
        assertThat(plan.waiting()).containsOnly(entry(1L, "waiting: all 2 worker slots are busy"),
                entry(2L, "waiting: all 2 worker slots are busy"));
    }

    @Test
    void aJobBiggerThanItsTeamsWholeQuotaWaitsWithoutHoldingBackTheTeam() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 90, 8), job(2, "team-a", 50, 1)), List.of(),
                Map.of("team-a", FOUR_GPUS), 2);

        assertThat(plan.toStart()).containsExactly(2L);
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: needs 8 GPUs, more than team-a's quota of 4"));
    }

    @Test
    void aTeamWithAQuotaOfNoGpusStillRunsJobsThatNeedNone() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 90, 1), job(2, "team-a", 50, 0)), List.of(),
                Map.of("team-a", new QuotaLimits(0, 2)), 2);

        assertThat(plan.toStart()).containsExactly(2L);
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: needs 1 GPUs, more than team-a's quota of 0"));
    }

    @Test
    void aTeamOverAQuotaLoweredWhileItsJobsRanStartsNothingNew() {
        Plan plan = QueuePlanner.plan(List.of(job(1, "team-a", 50, 0)), running("team-a", 3, 3),
                Map.of("team-a", new QuotaLimits(4, 5)), 4);

        assertThat(plan.toStart()).isEmpty();
        assertThat(plan.waiting()).containsExactly(entry(1L, "waiting: team-a uses 6 of 4 GPUs"));
    }

    @Test
    void anEmptyQueueStartsNothing() {
        Plan plan = QueuePlanner.plan(List.of(), running("team-a", 1), Map.of("team-a", FOUR_GPUS), 2);

        assertThat(plan.toStart()).isEmpty();
        assertThat(plan.waiting()).isEmpty();
    }

    @Test
    void everyTeamNeedsAQuota() {
        assertThatThrownBy(() -> QueuePlanner.plan(List.of(job(1, "team-x", 50, 0)), List.of(), Map.of(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team-x");
    }

    @Test
    void limitsOutsideTheirRangesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new QuotaLimits(65, 2)).hasMessage("maxGpus: 0 to 64, not 65");
        assertThatThrownBy(() -> new QuotaLimits(-1, 2)).hasMessage("maxGpus: 0 to 64, not -1");
        assertThatThrownBy(() -> new QuotaLimits(4, 0)).hasMessage("maxConcurrentJobs: 1 to 100, not 0");
        assertThatThrownBy(() -> new QuotaLimits(4, 101)).hasMessage("maxConcurrentJobs: 1 to 100, not 101");
    }
}
