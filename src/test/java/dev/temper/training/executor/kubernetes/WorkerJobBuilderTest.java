package dev.temper.training.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.training.executor.JobResources;
import dev.temper.training.executor.WorkerLaunch;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerJobBuilderTest {

    private static final WorkerLaunch GPU_LAUNCH = new WorkerLaunch(42, 3, "Vision Team/EU", "s3cr3t-token",
            new JobResources(2, 3.5, 8192), 90);

    private final WorkerJobBuilder builder = new WorkerJobBuilder(TestExecutorConfig.gpuPool("ml-jobs"));

    @Test
    void theJobRunsTheWorkerOnceWithinItsMaximumRunTime() {
        Job job = builder.job(GPU_LAUNCH);

        assertThat(job.getMetadata().getName()).isEqualTo("temper-job-42-a3");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("ml-jobs");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(90 * 60L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        Container worker = pod.getContainers().get(0);
        assertThat(worker.getImage()).isEqualTo("registry.example.com/temper:1.4.0");
        assertThat(worker.getCommand()).containsExactly("java", "-Dai.djl.offline=true", "-Xmx4096m", "-cp",
                "/app/app/*:/app/lib/main/*:/app/lib/boot/*", "dev.temper.worker.WorkerMain");
    }

    @Test
    void resourcesBecomeRequestsAndLimitsWithWholeGpus() {
        Container worker = builder.job(GPU_LAUNCH).getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(worker.getResources().getRequests()).containsEntry("cpu", new Quantity("3500m"))
                .containsEntry("memory", new Quantity("8192Mi")).containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(worker.getResources().getLimits()).containsEntry("memory", new Quantity("8192Mi"))
                .containsEntry("nvidia.com/gpu", new Quantity("2")).doesNotContainKey("cpu");

        WorkerLaunch cpuOnly = new WorkerLaunch(7, 1, "vision", "t", JobResources.DEFAULT, 60);
        Container cpuWorker = builder.job(cpuOnly).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(cpuWorker.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
        assertThat(cpuWorker.getResources().getRequests()).doesNotContainKey("nvidia.com/gpu")
                .containsEntry("cpu", new Quantity("1000m"));
        assertThat(cpuWorker.getCommand()).contains("-Xmx1024m");
    }

    @Test
    void placementComesFromConfiguration() {
        PodSpec pod = builder.job(GPU_LAUNCH).getSpec().getTemplate().getSpec();

        assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(Map.of("cloud.example.com/pool", "gpu-a100"));
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
            assertThat(t.getValue()).isNull();
        });
        assertThat(pod.getPriorityClassName()).isEqualTo("temper-training");
        assertThat(pod.getRuntimeClassName()).isEqualTo("nvidia");
        assertThat(pod.getServiceAccountName()).isNull();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void workersNeverMountTheArtifactClaimEvenWhenOneIsConfigured() {
        // gpuPool configures temper-artifacts: serving pods mount it, the worker fetches through the API.
        PodSpec pod = builder.job(GPU_LAUNCH).getSpec().getTemplate().getSpec();

        assertThat(pod.getVolumes()).noneMatch(v -> v.getPersistentVolumeClaim() != null);
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(pod.getContainers().get(0).getVolumeMounts()).singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    }

    @Test
    void thePodMeetsTheRestrictedPodSecurityStandard() {
        PodSpec pod = builder.job(GPU_LAUNCH).getSpec().getTemplate().getSpec();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        var container = pod.getContainers().get(0).getSecurityContext();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    }

    @Test
    void theJobStartsSuspendedAndItsTokenSecretBelongsToIt() {
        Job job = builder.job(GPU_LAUNCH);
        job.getMetadata().setUid("6f1c-uid");

        assertThat(job.getSpec().getSuspend()).isTrue();
        Secret secret = builder.tokenSecret(GPU_LAUNCH, job);
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Job");
            assertThat(owner.getName()).isEqualTo("temper-job-42-a3");
            assertThat(owner.getUid()).isEqualTo("6f1c-uid");
        });
    }

    @Test
    void withoutOptionalSettingsThePodHasNoPlacementOrVolume() {
        TestExecutorConfig plain = new TestExecutorConfig("temper", "temper:latest", "Never", "http://server:8080",
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("temper-worker"), 60);
        PodSpec pod = new WorkerJobBuilder(plain).job(GPU_LAUNCH).getSpec().getTemplate().getSpec();

        assertThat(pod.getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getTolerations()).isNullOrEmpty();
        assertThat(pod.getPriorityClassName()).isNull();
        assertThat(pod.getRuntimeClassName()).isNull();
        assertThat(pod.getServiceAccountName()).isEqualTo("temper-worker");
        assertThat(pod.getContainers().get(0).getImagePullPolicy()).isEqualTo("Never");
    }

    @Test
    void theTokenComesFromTheAttemptsSecretAndNeverFromThePodSpec() {
        Job job = builder.job(GPU_LAUNCH);
        Secret secret = builder.tokenSecret(GPU_LAUNCH, job);

        List<EnvVar> env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).extracting(EnvVar::getName).containsExactly("TEMPER_SERVER_URL", "TEMPER_JOB_ID",
                "TEMPER_JOB_TOKEN", "TENSORFLOW_LIBRARY_PATH");
        assertThat(env).filteredOn(e -> e.getName().equals("TEMPER_SERVER_URL")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("http://temper-server.temper.svc:8080"));
        assertThat(env).filteredOn(e -> e.getName().equals("TEMPER_JOB_ID")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("42"));
        EnvVar token = env.get(2);
        assertThat(token.getValue()).isNull();
        assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("temper-job-42-a3");
        assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
        assertThat(job.toString()).doesNotContain("s3cr3t-token");

        assertThat(secret.getMetadata().getName()).isEqualTo("temper-job-42-a3");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("ml-jobs");
        assertThat(secret.getStringData()).containsExactlyEntriesOf(Map.of("token", "s3cr3t-token"));
    }

    @Test
    void jobPodAndSecretCarryTheAttemptsLabels() {
        Job job = builder.job(GPU_LAUNCH);
        Map<String, String> expected = Map.of("temper.dev/job-id", "42", "temper.dev/attempt", "3",
                "temper.dev/team", "Vision-Team-EU", "app.kubernetes.io/managed-by", "temper",
                "app.kubernetes.io/name", "temper-worker");

        assertThat(job.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(builder.tokenSecret(GPU_LAUNCH, job).getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(WorkerLabels.attemptOf(job)).contains(new WorkerLabels.Attempt(42, 3));
    }

    @Test
    void teamNamesBecomeValidLabelValues() {
        assertThat(WorkerLabels.labelValue("vision")).isEqualTo("vision");
        assertThat(WorkerLabels.labelValue("Ärzte & Co.")).isEqualTo("rzte---Co");
        assertThat(WorkerLabels.labelValue("_team_")).isEqualTo("team");
        assertThat(WorkerLabels.labelValue("x".repeat(70) + "-")).hasSize(63).matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
        assertThat(WorkerLabels.labelValue(null)).isEmpty();
    }
}
