package dev.temper.training.dispatch;

import dev.temper.training.TrainingJobRepository;
import dev.temper.training.executor.JobExecutor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * After a server (re)start, matches the jobs the database says are active with the workers the executor
 * can still find. A worker that still runs is watched again and goes on reporting with its token; a job
 * whose worker is gone is declared lost, so it is retried (or failed at its limit) rather than stuck, and
 * its old token is void, so the old worker can never run beside the new attempt.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final TrainingJobRepository jobs;
    private final AttemptLifecycle attempts;
    private final JobExecutor executor;

    Reconciler(TrainingJobRepository jobs, AttemptLifecycle attempts, JobExecutor executor) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent start) {
        reconcile();
    }

    /** Returns how many active jobs were found with a running worker. */
    public int reconcile() {
        record Active(long id, int attempt, String workerRef) {
        }
        List<Active> active = QuarkusTransaction.requiringNew().call(() -> jobs.active().stream()
                .map(job -> new Active(job.id, job.attempt, job.workerRef)).toList());
        int reattached = 0;
        for (Active job : active) {
            if (job.workerRef() != null && executor.reattach(job.id(), job.attempt(), job.workerRef())) {
                attempts.reattached(job.id(), job.attempt());
                reattached++;
            } else {
                LOG.infof("Job %d: no worker found for attempt %d after a restart", job.id(), job.attempt());
                attempts.workerLost(job.id(), job.attempt(), "the server restarted and found no worker for it");
            }
        }
        LOG.infof("Reconciled %d active jobs: %d workers still running", active.size(), reattached);
        return reattached;
    }
}
