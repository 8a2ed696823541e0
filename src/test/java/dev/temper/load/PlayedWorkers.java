package dev.temper.load;

import dev.temper.training.TrainingJobRepository;
import dev.temper.training.executor.JobExecutor;
import dev.temper.training.executor.WorkerLaunch;
import dev.temper.training.executor.local.LocalProcessExecutor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor of the load harness (enabled only by {@link LoadProfile}): the dispatcher, queue, quotas and token
 * issue run as in production, but a launch hands the attempt's real token to the harness, whose threads play the
 * worker, instead of starting a child JVM. Jobs whose model name starts with {@link #REAL_PREFIX} still get a real
 * local worker, for the fault phase that needs real training and a real model upload.
 */
@Alternative
@ApplicationScoped
public class PlayedWorkers implements JobExecutor {

    public static final String REAL_PREFIX = "real-";
    private static final String PLAYED_REF = "played";

    private final LocalProcessExecutor local;
    private final TrainingJobRepository jobs;
    private final Map<Long, WorkerLaunch> launched = new ConcurrentHashMap<>();
    private final Set<Long> stopped = ConcurrentHashMap.newKeySet();

    PlayedWorkers(LocalProcessExecutor local, TrainingJobRepository jobs) {
        this.local = local;
        this.jobs = jobs;
    }

    @Override
    public String launch(WorkerLaunch launch) throws Exception {
        String modelName = QuarkusTransaction.requiringNew().call(() -> jobs.findById(launch.jobId()).modelName);
        if (modelName.startsWith(REAL_PREFIX)) {
            return local.launch(launch);
        }
        launched.put(launch.jobId(), launch);
        return PLAYED_REF;
    }

    /** The latest launch of a played job, with its attempt's token, once the dispatcher has started it. */
    public Optional<WorkerLaunch> launchOf(long jobId) {
        return Optional.ofNullable(launched.get(jobId));
    }

    /** Jobs whose worker the server asked to stop (cancelled, over time, declared lost). */
    public Set<Long> stopped() {
        return Set.copyOf(stopped);
    }

    @Override
    public void stop(long jobId) {
        if (launched.containsKey(jobId)) {
            stopped.add(jobId);
        } else {
            local.stop(jobId);
        }
    }

    @Override
    public boolean reattach(long jobId, int attempt, String workerRef) {
        return PLAYED_REF.equals(workerRef) || local.reattach(jobId, attempt, workerRef);
    }
}
