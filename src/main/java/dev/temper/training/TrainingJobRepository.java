package dev.temper.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TrainingJobRepository implements PanacheRepository<TrainingJob> {

    /**
     * The job, re-read with its row locked until the transaction ends. Workers, the dispatcher and users all
     * change a job's state; without the lock a slower transaction would write back a state another has left.
     */
    Optional<TrainingJob> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** {@link #lock(long)} for a job this transaction already holds. */
    TrainingJob lock(TrainingJob job) {
        getEntityManager().refresh(job, LockModeType.PESSIMISTIC_WRITE);
        return job;
    }

    List<TrainingJob> listForTeams(Collection<String> teams) {
        return list("team in ?1 order by id desc", teams);
    }

    Optional<TrainingJob> findForTeams(long id, Collection<String> teams) {
        return find("id = ?1 and team in ?2", id, teams).firstResultOptional();
    }

    List<TrainingJob> queued() {
        return list("state", JobState.QUEUED);
    }

    List<TrainingJob> active() {
        return list("state in ?1", List.of(JobState.STARTING, JobState.RUNNING));
    }
}
