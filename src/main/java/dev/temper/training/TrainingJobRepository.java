package dev.temper.training;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class TrainingJobRepository implements TeamOwnedRepository<TrainingJob> {

    /** The list's sort names; indexes that start with the team back them, with and without filters (V10). */
    static final SortOrder SORT = new SortOrder(Map.of("created", "createdAt", "state", "state"), "createdAt desc",
            "id desc");

    @Override
    public String listOrder() {
        return "id desc";
    }

    /** One page of these teams' jobs that meet the filter. */
    Page<TrainingJob> page(Collection<String> teams, JobFilter filter, PageRequest request, String sort) {
        ListFilter where = where(filter);
        return pageForTeams(teams, where.condition(), where.parameters(), request, SORT.hql(sort));
    }

    /** How many of these teams' jobs meet the filter. */
    long count(Collection<String> teams, JobFilter filter) {
        if (teams.isEmpty()) {
            return 0;
        }
        ListFilter where = where(filter).and("team in :teams", "teams", teams);
        return count(where.condition(), where.parameters());
    }

    private static ListFilter where(JobFilter filter) {
        return new ListFilter()
                .and("state = :state", "state", filter.state())
                .and("kind = :kind", "kind", filter.kind())
                .and("datasetVersion.id = :datasetVersionId", "datasetVersionId", filter.datasetVersionId());
    }

    /**
     * The job, re-read with its row locked until the transaction ends. Workers, the dispatcher and users all
     * change a job's state; without the lock a slower transaction would write back a state another has left.
     */
    public Optional<TrainingJob> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** {@link #lock(long)} for a job this transaction already holds. */
    public TrainingJob lock(TrainingJob job) {
        getEntityManager().refresh(job, LockModeType.PESSIMISTIC_WRITE);
        return job;
    }

    public List<TrainingJob> queued() {
        return list("state", JobState.QUEUED);
    }

    public List<TrainingJob> active() {
        return list("state in ?1", List.of(JobState.STARTING, JobState.RUNNING));
    }

    /** How many jobs each team has in each state, for the jobs gauge. */
    public Map<JobCount, Long> countsByTeamAndState() {
        return getEntityManager().createQuery("select j.team, j.state, count(j) from TrainingJob j"
                        + " group by j.team, j.state", Object[].class).getResultStream()
                .collect(Collectors.toMap(row -> new JobCount((String) row[0], (JobState) row[1]),
                        row -> ((Number) row[2]).longValue()));
    }

    /** A team and a state, the key of {@link #countsByTeamAndState()}. */
    public record JobCount(String team, JobState state) {
    }
}
