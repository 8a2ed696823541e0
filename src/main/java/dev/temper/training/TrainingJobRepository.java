package dev.temper.training;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TrainingJobRepository implements TeamOwnedRepository<TrainingJob> {

    @Override
    public String listOrder() {
        return "id desc";
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
}
