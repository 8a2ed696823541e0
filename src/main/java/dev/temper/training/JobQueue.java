package dev.temper.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Decides which queued jobs start now: highest priority first, oldest first among equals, within the parallelism. */
@ApplicationScoped
class JobQueue {

    private final TrainingJobRepository jobs;
    private final int parallelism;

    JobQueue(TrainingJobRepository jobs, @ConfigProperty(name = "temper.executor.parallelism") int parallelism) {
        this.jobs = jobs;
        this.parallelism = parallelism;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> nextToStart() {
        int free = parallelism - (int) jobs.countActive();
        return free <= 0 ? List.of() : jobs.nextQueued(free).stream().map(j -> j.id).toList();
    }
}
