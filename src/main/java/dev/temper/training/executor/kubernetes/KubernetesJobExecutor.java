package dev.temper.training.executor.kubernetes;

import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.executor.JobExecutor;
import dev.temper.training.executor.KubernetesExecutorConfig;
import dev.temper.training.executor.WorkerEvents;
import dev.temper.training.executor.WorkerLaunch;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs each attempt's worker as a batch/v1 Job in the configured namespace, from the server's own image,
 * with the attempt's token in a Secret of its own. What happens to the Job and its pod the
 * {@link KubernetesWorkerWatcher} reports. Selected with {@code temper.executor.type=kubernetes}.
 */
@ApplicationScoped
@Typed(KubernetesJobExecutor.class)
@Unremovable
public class KubernetesJobExecutor implements JobExecutor {

    private static final Logger LOG = Logger.getLogger(KubernetesJobExecutor.class);
    private static final String RESUME = "{\"spec\":{\"suspend\":false}}";

    private final KubernetesClient client;
    private final String namespace;
    private final WorkerJobBuilder builder;
    private final KubernetesWorkerWatcher watcher;

    @Inject
    KubernetesJobExecutor(KubernetesClient client, ExecutorConfig config, WorkerEvents events) {
        this(client, config.kubernetes(), new KubernetesWorkerWatcher(client, config.kubernetes().namespace(), events));
    }

    KubernetesJobExecutor(KubernetesClient client, KubernetesExecutorConfig config, KubernetesWorkerWatcher watcher) {
        this.client = client;
        this.namespace = config.namespace();
        this.builder = new WorkerJobBuilder(config);
        this.watcher = watcher;
    }

    /** Starts following the workers' Jobs and pods; called once the server has started. */
    public void startWatching() {
        watcher.start();
    }

    @PreDestroy
    void stopWatching() {
        watcher.close();
    }

    /**
     * Creates the Job suspended, then its token Secret owned by it, then lets the Job run. Kubernetes deletes the
     * Secret with its Job (after its time to live, or when Temper deletes the Job), so the server's Role needs no
     * right to read, change or delete any Secret: RBAC cannot narrow those to names generated per attempt.
     */
    @Override
    public String launch(WorkerLaunch launch) {
        Job job = builder.job(launch);
        String name = job.getMetadata().getName();
        Job created;
        try {
            created = jobs().resource(job).create();
        } catch (KubernetesClientException e) {
            throw refused("the worker Job " + name, e);
        }
        try {
            client.secrets().inNamespace(namespace).resource(builder.tokenSecret(launch, created)).create();
            jobs().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), RESUME);
        } catch (KubernetesClientException e) {
            IllegalStateException refused = refused("the token Secret or the start of the worker Job " + name, e);
            try {
                // The Secret, if made, goes with its Job.
                jobs().withName(name).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            } catch (KubernetesClientException cleanup) {
                refused.addSuppressed(cleanup);
            }
            throw refused;
        }
        LOG.infof("Job %d: Kubernetes Job %s created for attempt %d in namespace %s", launch.jobId(), name,
                launch.attempt(), namespace);
        return name;
    }

    /** Deletes every Job of the job; their pods and token Secrets go with them. */
    @Override
    public void stop(long jobId) {
        String id = Long.toString(jobId);
        try {
            jobs().withLabel(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER).withLabel(WorkerLabels.JOB_ID, id)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            LOG.infof("Job %d: its Kubernetes Jobs are deleted", jobId);
        } catch (KubernetesClientException e) {
            // The job's state is decided already and its token void: a worker left running can change nothing.
            LOG.errorf(e, "Job %d: its Kubernetes Jobs could not be deleted", jobId);
        }
    }

    private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
        return client.batch().v1().jobs().inNamespace(namespace);
    }

    private IllegalStateException refused(String what, KubernetesClientException e) {
        return new IllegalStateException("Kubernetes refused " + what + " in namespace " + namespace + ": "
                + e.getMessage(), e);
    }

    /** The attempt's worker may still run while its Job exists, was let run and has not finished. */
    @Override
    public boolean reattach(long jobId, int attempt, String workerRef) {
        Job job = jobs().withName(workerRef).get();
        // A Job still suspended was never let run: its launch broke off between creating it and its Secret.
        boolean alive = job != null && WorkerLabels.attemptOf(job).filter(
                a -> a.jobId() == jobId && a.attempt() == attempt).isPresent() && !WorkerStatusMapper.hasFinished(job)
                && !Boolean.TRUE.equals(job.getSpec().getSuspend());
        LOG.infof("Job %d: Kubernetes Job %s of attempt %d %s", jobId, workerRef, attempt,
                alive ? "still runs" : "is gone or finished");
        return alive;
    }
}
