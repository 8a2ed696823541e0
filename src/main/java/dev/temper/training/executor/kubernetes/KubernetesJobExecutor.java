package dev.temper.training.executor.kubernetes;

import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.executor.JobExecutor;
import dev.temper.training.executor.KubernetesExecutorConfig;
import dev.temper.training.executor.WorkerEvents;
import dev.temper.training.executor.WorkerLaunch;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
     * Creates the token Secret, then the Job, then makes the Job the Secret's owner, so that Kubernetes
     * deletes the Secret with the Job (after its time to live, or when Temper deletes it).
     */
    @Override
    public String launch(WorkerLaunch launch) {
        Secret secret = builder.tokenSecret(launch);
        Job job = builder.job(launch);
        String name = job.getMetadata().getName();
        client.secrets().inNamespace(namespace).resource(secret).create();
        Job created;
        try {
            created = client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        } catch (KubernetesClientException e) {
            client.secrets().inNamespace(namespace).withName(name).delete();
            throw new IllegalStateException("Kubernetes refused the worker Job " + name + " in namespace " + namespace
                    + ": " + e.getMessage(), e);
        }
        OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                .withName(name).withUid(created.getMetadata().getUid()).withBlockOwnerDeletion(false).build();
        try {
            client.secrets().inNamespace(namespace).withName(name).edit(s -> new SecretBuilder(s)
                    .editMetadata().addToOwnerReferences(owner).endMetadata().build());
        } catch (KubernetesClientException e) {
            // The worker runs all the same; stop() deletes the Secret by its labels.
            LOG.warnf("Job %d: the token Secret %s could not be tied to its Job: %s", launch.jobId(), name,
                    e.getMessage());
        }
        LOG.infof("Job %d: Kubernetes Job %s created for attempt %d in namespace %s", launch.jobId(), name,
                launch.attempt(), namespace);
        return name;
    }

    /** Deletes every Job of the job (its pods with it) and their token Secrets. */
    @Override
    public void stop(long jobId) {
        String id = Long.toString(jobId);
        try {
            client.batch().v1().jobs().inNamespace(namespace).withLabel(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER)
                    .withLabel(WorkerLabels.JOB_ID, id).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            client.secrets().inNamespace(namespace).withLabel(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER)
                    .withLabel(WorkerLabels.JOB_ID, id).delete();
            LOG.infof("Job %d: its Kubernetes Jobs are deleted", jobId);
        } catch (KubernetesClientException e) {
            // The job's state is decided already and its token void: a worker left running can change nothing.
            LOG.errorf(e, "Job %d: its Kubernetes Jobs could not be deleted", jobId);
        }
    }

    /** The attempt's worker may still run while its Job exists and has not finished. */
    @Override
    public boolean reattach(long jobId, int attempt, String workerRef) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName(workerRef).get();
        boolean alive = job != null && WorkerLabels.attemptOf(job).filter(
                a -> a.jobId() == jobId && a.attempt() == attempt).isPresent() && !WorkerStatusMapper.hasFinished(job);
        LOG.infof("Job %d: Kubernetes Job %s of attempt %d %s", jobId, workerRef, attempt,
                alive ? "still runs" : "is gone or finished");
        return alive;
    }
}
