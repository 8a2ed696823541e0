package dev.temper.training.executor.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a worker's pod and Job status as Kubernetes reports it and says what it means for the job, with a
 * message a user can act on. Success is the worker's to report, never the pod's.
 */
public final class WorkerStatusMapper {

    private static final Set<String> IMAGE_PULL_ERRORS = Set.of("ErrImagePull", "ImagePullBackOff",
            "InvalidImageName", "ErrImageNeverPull");
    private static final String OOM_KILLED = "OOMKilled";

    private WorkerStatusMapper() {
    }

    public static WorkerDecision ofPod(Pod pod) {
        PodStatus status = pod.getStatus();
        if (status == null) {
            return WorkerDecision.NONE;
        }
        List<ContainerStatus> containers = Optional.ofNullable(status.getContainerStatuses()).orElse(List.of());
        for (ContainerStatus container : containers) {
            ContainerStateTerminated terminated = container.getState() == null ? null : container.getState().getTerminated();
            if (terminated != null && OOM_KILLED.equals(terminated.getReason())) {
                return WorkerDecision.failed("Out of memory: the worker exceeded its memory limit"
                        + memoryLimitMiB(pod, container.getName()).map(mib -> " of " + mib + " MiB").orElse("")
                        + " (OOMKilled)");
            }
            if (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() != 0) {
                return WorkerDecision.lost(Optional.ofNullable(terminated.getReason()).orElse("Terminated")
                        + ", exit code " + terminated.getExitCode() + " (pod " + pod.getMetadata().getName() + ")");
            }
        }
        if ("Failed".equals(status.getPhase())) {
            return WorkerDecision.lost("the worker pod " + pod.getMetadata().getName() + " failed"
                    + detail(status.getReason(), status.getMessage()));
        }
        for (ContainerStatus container : containers) {
            ContainerStateWaiting waiting = container.getState() == null ? null : container.getState().getWaiting();
            if (waiting != null && IMAGE_PULL_ERRORS.contains(waiting.getReason())) {
                return WorkerDecision.failed("The worker image " + container.getImage() + " cannot be pulled"
                        + detail(waiting.getReason(), waiting.getMessage()));
            }
        }
        Optional<PodCondition> unschedulable = Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()))
                .findFirst();
        if (unschedulable.isPresent()) {
            return WorkerDecision.waiting("Waiting for a node: " + Optional.ofNullable(unschedulable.get().getMessage())
                    .orElse("no node can run the worker yet"));
        }
        if ("Pending".equals(status.getPhase())) {
            return WorkerDecision.waiting("Starting the worker pod" + Optional.ofNullable(pod.getSpec())
                    .map(spec -> spec.getNodeName()).map(node -> " on node " + node).orElse(""));
        }
        return WorkerDecision.NONE;
    }

    /**
     * A Job's own verdict. Kubernetes stops a Job over its activeDeadlineSeconds; any other failure of the
     * Job is its pod's, which {@link #ofPod} explains better, so this is only the fallback.
     */
    public static WorkerDecision ofJob(Job job) {
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
                ? List.of() : job.getStatus().getConditions();
        for (JobCondition condition : conditions) {
            if ("Failed".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                if ("DeadlineExceeded".equals(condition.getReason())) {
                    return WorkerDecision.failed("Stopped by Kubernetes: it ran longer than its maximum of "
                            + job.getSpec().getActiveDeadlineSeconds() / 60 + " minutes");
                }
                return WorkerDecision.lost("its Kubernetes Job " + job.getMetadata().getName() + " failed"
                        + detail(condition.getReason(), condition.getMessage()));
            }
        }
        return WorkerDecision.NONE;
    }

    /** Whether the Job has ended, well or not; a Job that has not may still run its worker. */
    public static boolean hasFinished(Job job) {
        return job.getStatus() != null && job.getStatus().getConditions() != null
                && job.getStatus().getConditions().stream().anyMatch(c -> "True".equals(c.getStatus())
                && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
    }

    private static Optional<Long> memoryLimitMiB(Pod pod, String containerName) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return Optional.empty();
        }
        return pod.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(containerName))
                .map(Container::getResources)
                .filter(r -> r != null && r.getLimits() != null && r.getLimits().get("memory") != null)
                .map(r -> Quantity.getAmountInBytes(r.getLimits().get("memory")).longValue() / (1024 * 1024))
                .findFirst();
    }

    private static String detail(String reason, String message) {
        String text = (reason == null ? "" : reason) + (message == null || message.isBlank() ? ""
                : (reason == null ? "" : ": ") + message);
        return text.isEmpty() ? "" : ": " + text;
    }
}
