package dev.temper.training.executor.kubernetes;

import dev.temper.training.executor.WorkerEvents;
import dev.temper.training.executor.kubernetes.WorkerDecision.Outcome;
import dev.temper.training.executor.kubernetes.WorkerLabels.Attempt;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows the worker Jobs and pods in the namespace (those labelled as Temper's) and tells {@link WorkerEvents}
 * what they mean. Each Job and pod reports a decision only when it changes; an event about an attempt that
 * is no longer current is ignored by the receiver, so repeated or late events are harmless.
 */
public class KubernetesWorkerWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KubernetesWorkerWatcher.class);

    private final KubernetesClient client;
    private final String namespace;
    private final WorkerEvents events;
    /** The last decision reported per Job or pod. */
    private final Map<String, WorkerDecision> reported = new ConcurrentHashMap<>();
    private SharedIndexInformer<Job> jobs;
    private SharedIndexInformer<Pod> pods;

    public KubernetesWorkerWatcher(KubernetesClient client, String namespace, WorkerEvents events) {
        this.client = client;
        this.namespace = namespace;
        this.events = events;
    }

    /**
     * Starts watching without waiting for the cluster: a server that cannot reach the API server yet keeps
     * trying (and says so in its log) instead of failing to start.
     */
    public synchronized void start() {
        if (jobs != null) {
            return;
        }
        pods = client.pods().inNamespace(namespace).withLabel(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER)
                .runnableInformer(0);
        pods.addEventHandler(new Handler<>(this::onPod, this::onPodGone));
        pods.exceptionHandler((started, failure) -> keepTrying("pods", failure));
        jobs = client.batch().v1().jobs().inNamespace(namespace)
                .withLabel(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER).runnableInformer(0);
        jobs.addEventHandler(new Handler<>(this::onJob, this::onJobDeleted));
        jobs.exceptionHandler((started, failure) -> keepTrying("Jobs", failure));
        pods.start();
        jobs.start();
        LOG.infof("Watching worker Jobs and pods in namespace %s", namespace);
    }

    @Override
    public synchronized void close() {
        if (jobs != null) {
            jobs.close();
            pods.close();
            jobs = null;
            pods = null;
        }
    }

    private void onPod(Pod pod) {
        WorkerLabels.attemptOf(pod).ifPresent(attempt -> report(pod, attempt, WorkerStatusMapper.ofPod(pod)));
    }

    private void onPodGone(Pod pod) {
        reported.remove(key(pod));
    }

    private void onJob(Job job) {
        WorkerLabels.attemptOf(job).ifPresent(attempt -> {
            WorkerDecision decision = WorkerStatusMapper.ofJob(job);
            if (decision.outcome() == Outcome.LOST) {
                // A failed Job failed because of its pod, which says why better.
                Optional<WorkerDecision> fromPod = podDecision(attempt);
                if (fromPod.isPresent()) {
                    decision = fromPod.get();
                }
            }
            report(job, attempt, decision);
        });
    }

    private void onJobDeleted(Job job) {
        reported.remove(key(job));
        // Temper deletes a Job only after the attempt has ended, so this changes nothing then; otherwise
        // someone else deleted it, and with it the worker.
        WorkerLabels.attemptOf(job).ifPresent(attempt -> events.workerLost(attempt.jobId(), attempt.attempt(),
                "its Kubernetes Job " + job.getMetadata().getName() + " was deleted"));
    }

    private Optional<WorkerDecision> podDecision(Attempt attempt) {
        return pods.getStore().list().stream()
                .filter(pod -> WorkerLabels.attemptOf(pod).filter(attempt::equals).isPresent())
                .map(WorkerStatusMapper::ofPod)
                .filter(d -> d.outcome() == Outcome.FAILED || d.outcome() == Outcome.LOST)
                .findFirst();
    }

    private void report(HasMetadata resource, Attempt attempt, WorkerDecision decision) {
        if (decision.outcome() == Outcome.NONE
                || decision.equals(reported.put(key(resource), decision))) {
            return;
        }
        LOG.infof("Job %d, attempt %d: %s %s: %s", attempt.jobId(), attempt.attempt(), resource.getKind(),
                resource.getMetadata().getName(), decision);
        try {
            switch (decision.outcome()) {
                case WAITING -> events.workerWaiting(attempt.jobId(), attempt.attempt(), decision.reason());
                case LOST -> events.workerLost(attempt.jobId(), attempt.attempt(), decision.reason());
                case FAILED -> {
                    events.workerFailed(attempt.jobId(), attempt.attempt(), decision.reason());
                    if (resource instanceof Pod pod && "Pending".equals(pod.getStatus().getPhase())) {
                        // A pod whose image cannot be pulled would wait for it forever.
                        deleteJob(WorkerJobBuilder.name(attempt.jobId(), attempt.attempt()));
                    }
                }
                case NONE -> { }
            }
        } catch (RuntimeException e) {
            // Reported again on the next change; the informer thread must go on.
            reported.remove(key(resource));
            LOG.errorf(e, "Job %d: could not record what Kubernetes reported about attempt %d", attempt.jobId(),
                    attempt.attempt());
        }
    }

    /** Names are unique: a Job's is its attempt's, a pod's has a random suffix. */
    private static String key(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }

    private void deleteJob(String name) {
        client.batch().v1().jobs().inNamespace(namespace).withName(name)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    private static boolean keepTrying(String what, Throwable failure) {
        LOG.warnf("Cannot watch worker %s yet (%s); trying again", what, failure.toString());
        return true;
    }

    /** Adds and updates go to one callback: the state is what counts, not how it was reached. */
    private record Handler<T>(Consumer<T> seen, Consumer<T> gone)
            implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T resource) {
            seen.accept(resource);
        }

        @Override
        public void onUpdate(T before, T after) {
            seen.accept(after);
        }

        @Override
        public void onDelete(T resource, boolean finalStateUnknown) {
            gone.accept(resource);
        }
    }
}
