package dev.temper.training.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.training.executor.JobResources;
import dev.temper.training.executor.WorkerLaunch;
import dev.temper.training.executor.kubernetes.WorkerDecision.Outcome;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import org.junit.jupiter.api.Test;

class WorkerStatusMapperTest {

    private static final WorkerLaunch LAUNCH = new WorkerLaunch(5, 1, "vision", "t", new JobResources(1, 2, 6144), 45);
    private static final WorkerJobBuilder BUILDER = new WorkerJobBuilder(TestExecutorConfig.gpuPool("temper"));
    private static final String UNSCHEDULABLE = "0/3 nodes are available: 3 Insufficient nvidia.com/gpu. "
            + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.";

    @Test
    void anUnschedulablePodWaitsWithTheSchedulersReason() {
        Pod pod = pod(new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage(UNSCHEDULABLE).endCondition().build());

        assertThat(WorkerStatusMapper.ofPod(pod)).isEqualTo(WorkerDecision.waiting("Waiting for a node: " + UNSCHEDULABLE));
    }

    @Test
    void aScheduledPendingPodIsStarting() {
        Pod pod = pod(new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("True").endCondition().addToContainerStatuses(waiting("ContainerCreating", null)).build());
        pod.getSpec().setNodeName("gpu-node-7");

        assertThat(WorkerStatusMapper.ofPod(pod)).isEqualTo(WorkerDecision.waiting("Starting the worker pod on node gpu-node-7"));
    }

    @Test
    void anImageThatCannotBePulledFailsTheJob() {
        Pod pod = pod(new PodStatusBuilder().withPhase("Pending").addToContainerStatuses(waiting("ImagePullBackOff",
                "Back-off pulling image \"registry.example.com/temper:1.4.0\"")).build());

        WorkerDecision decision = WorkerStatusMapper.ofPod(pod);
        assertThat(decision.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(decision.reason()).isEqualTo("The worker image registry.example.com/temper:1.4.0 cannot be pulled: "
                + "ImagePullBackOff: Back-off pulling image \"registry.example.com/temper:1.4.0\"");
    }

    @Test
    void outOfMemoryFailsTheJobWithItsLimit() {
        Pod pod = pod(new PodStatusBuilder().withPhase("Failed").addToContainerStatuses(terminated("OOMKilled", 137)).build());

        assertThat(WorkerStatusMapper.ofPod(pod)).isEqualTo(WorkerDecision.failed(
                "Out of memory: the worker exceeded its memory limit of 6144 MiB (OOMKilled)"));
    }

    @Test
    void anyOtherFailureLosesTheWorkerForARetry() {
        Pod killed = pod(new PodStatusBuilder().withPhase("Failed").addToContainerStatuses(terminated("Error", 137)).build());
        assertThat(WorkerStatusMapper.ofPod(killed))
                .isEqualTo(WorkerDecision.lost("Error, exit code 137 (pod temper-job-5-a1-x7k2p)"));

        Pod evicted = pod(new PodStatusBuilder().withPhase("Failed").withReason("Evicted")
                .withMessage("The node was low on resource: ephemeral-storage.").build());
        assertThat(WorkerStatusMapper.ofPod(evicted)).isEqualTo(WorkerDecision.lost(
                "the worker pod temper-job-5-a1-x7k2p failed: Evicted: The node was low on resource: ephemeral-storage."));
    }

    @Test
    void runningAndSucceededPodsLeaveTheJobToItsWorker() {
        assertThat(WorkerStatusMapper.ofPod(pod(new PodStatusBuilder().withPhase("Running").build())))
                .isEqualTo(WorkerDecision.NONE);
        assertThat(WorkerStatusMapper.ofPod(pod(new PodStatusBuilder().withPhase("Succeeded")
                .addToContainerStatuses(terminated("Completed", 0)).build()))).isEqualTo(WorkerDecision.NONE);
        assertThat(WorkerStatusMapper.ofPod(pod(null))).isEqualTo(WorkerDecision.NONE);
    }

    @Test
    void aJobOverItsDeadlineFailsAndOtherJobFailuresAreLost() {
        Job overdue = failedJob("DeadlineExceeded", "Job was active longer than specified deadline");
        assertThat(WorkerStatusMapper.ofJob(overdue)).isEqualTo(WorkerDecision.failed(
                "Stopped by Kubernetes: it ran longer than its maximum of 45 minutes"));
        assertThat(WorkerStatusMapper.hasFinished(overdue)).isTrue();

        Job backoff = failedJob("BackoffLimitExceeded", "Job has reached the specified backoff limit");
        assertThat(WorkerStatusMapper.ofJob(backoff)).isEqualTo(WorkerDecision.lost("its Kubernetes Job temper-job-5-a1 "
                + "failed: BackoffLimitExceeded: Job has reached the specified backoff limit"));

        Job active = BUILDER.job(LAUNCH);
        assertThat(WorkerStatusMapper.ofJob(active)).isEqualTo(WorkerDecision.NONE);
        assertThat(WorkerStatusMapper.hasFinished(active)).isFalse();
    }

    private static Pod pod(PodStatus status) {
        Job job = BUILDER.job(LAUNCH);
        return new PodBuilder().withNewMetadata().withName("temper-job-5-a1-x7k2p")
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec()).withStatus(status).build();
    }

    private static ContainerStatus waiting(String reason, String message) {
        return new ContainerStatusBuilder().withName("worker").withImage("registry.example.com/temper:1.4.0")
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build();
    }

    private static ContainerStatus terminated(String reason, int exitCode) {
        return new ContainerStatusBuilder().withName("worker").withImage("registry.example.com/temper:1.4.0")
                .withNewState().withNewTerminated().withReason(reason).withExitCode(exitCode).endTerminated().endState()
                .build();
    }

    private static Job failedJob(String reason, String message) {
        return new JobBuilder(BUILDER.job(LAUNCH)).withNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason(reason).withMessage(message).build()).endStatus().build();
    }
}
