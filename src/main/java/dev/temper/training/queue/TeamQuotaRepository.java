package dev.temper.training.queue;

import dev.temper.training.JobState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class TeamQuotaRepository implements PanacheRepositoryBase<TeamQuota, String> {

    /** What a team's unfinished jobs hold and wait for. */
    record Usage(int gpusInUse, int jobsRunning, int jobsQueued) {

        static final Usage NONE = new Usage(0, 0, 0);

        /** Queued jobs hold nothing yet; starting ones hold their GPUs as running ones do. */
        static Usage of(JobState state, long jobs, long gpus) {
            return state == JobState.QUEUED ? new Usage(0, 0, (int) jobs) : new Usage((int) gpus, (int) jobs, 0);
        }

        Usage plus(Usage other) {
            return new Usage(gpusInUse + other.gpusInUse, jobsRunning + other.jobsRunning,
                    jobsQueued + other.jobsQueued);
        }
    }

    List<TeamQuota> forTeams(Collection<String> teams) {
        return list("team in ?1", teams);
    }

    /** Usage by team, for the teams with queued, starting or running jobs. */
    Map<String, Usage> usageByTeam() {
        List<Object[]> rows = getEntityManager().createQuery("select j.team, j.state, count(j), sum(j.gpus)"
                        + " from TrainingJob j where j.state in ?1 group by j.team, j.state", Object[].class)
                .setParameter(1, List.of(JobState.QUEUED, JobState.STARTING, JobState.RUNNING))
                .getResultList();
        Map<String, Usage> usage = new HashMap<>();
        for (Object[] row : rows) {
            usage.merge((String) row[0], Usage.of((JobState) row[1], ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()), Usage::plus);
        }
        return usage;
    }
}
