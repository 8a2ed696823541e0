package dev.temper.training.executor.kubernetes;

import dev.temper.contract.WorkerProtocol;
import dev.temper.training.executor.JobResources;
import dev.temper.training.executor.KubernetesExecutorConfig;
import dev.temper.training.executor.WorkerLaunch;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of one attempt: a Secret holding its token and a batch/v1 Job running the worker
 * from the server's image. Kubernetes never retries the worker (backoffLimit 0): retries are Temper's, each
 * a new attempt with a new token and a new Job.
 */
public final class WorkerJobBuilder {

    public static final String ARTIFACTS_PATH = "/var/lib/temper/artifacts";
    static final String CONTAINER = "worker";
    static final String TOKEN_KEY = "token";
    static final String GPU_RESOURCE = "nvidia.com/gpu";
    /** The Quarkus fast-jar layout of the image; lib/boot holds the logging jars. */
    public static final String CLASSPATH = "/app/app/*:/app/lib/main/*:/app/lib/boot/*";
    public static final String TENSORFLOW_LIBRARY_PATH = "/opt/tensorflow";

    private final KubernetesExecutorConfig config;

    public WorkerJobBuilder(KubernetesExecutorConfig config) {
        this.config = config;
    }

    /** {@code temper-job-<id>-a<attempt>}: the name of the attempt's Job and of its token Secret. */
    public static String name(long jobId, int attempt) {
        return "temper-job-" + jobId + "-a" + attempt;
    }

    /**
     * The attempt's token, owned by its Job from the start: Kubernetes deletes it with the Job, so the server never
     * reads, changes or deletes a Secret (its Role may only create them).
     */
    public Secret tokenSecret(WorkerLaunch launch, Job owner) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name(launch.jobId(), launch.attempt()))
                .withNamespace(config.namespace())
                .withLabels(WorkerLabels.of(launch.jobId(), launch.attempt(), launch.team()))
                .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job")
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withBlockOwnerDeletion(false).endOwnerReference()
                .endMetadata()
                .withType("Opaque")
                .withStringData(Map.of(TOKEN_KEY, launch.token()))
                .build();
    }

    public Job job(WorkerLaunch launch) {
        String name = name(launch.jobId(), launch.attempt());
        Map<String, String> labels = WorkerLabels.of(launch.jobId(), launch.attempt(), launch.team());
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withNodeSelector(config.nodeSelector().isEmpty() ? null : new LinkedHashMap<>(config.nodeSelector()))
                .withTolerations(tolerations())
                .withPriorityClassName(config.priorityClassName().orElse(null))
                .withRuntimeClassName(config.runtimeClassName().orElse(null))
                .withServiceAccountName(config.serviceAccount().orElse(null))
                .withSecurityContext(RestrictedPod.podSecurityContext())
                .withContainers(container(launch, name))
                // No artifact claim: the worker fetches and uploads everything through the server's API, with a
                // token for its own job, so it never sees another job's or another team's artifacts.
                .withVolumes(RestrictedPod.tmpVolume());
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(config.namespace()).withLabels(labels).endMetadata()
                .withNewSpec()
                // Created suspended: no pod starts before its token Secret exists (see KubernetesJobExecutor).
                .withSuspend(true)
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(launch.maxRuntimeMinutes() * 60L)
                .withTtlSecondsAfterFinished(config.ttlSecondsAfterFinished())
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withSpec(pod.build())
                .endTemplate()
                .endSpec()
                .build();
    }

    private Container container(WorkerLaunch launch, String secretName) {
        JobResources resources = launch.resources();
        Map<String, Quantity> requests = new LinkedHashMap<>();
        requests.put("cpu", new Quantity(Math.round(resources.cpu() * 1000) + "m"));
        requests.put("memory", new Quantity(resources.memoryMiB() + "Mi"));
        Map<String, Quantity> limits = new LinkedHashMap<>();
        limits.put("memory", new Quantity(resources.memoryMiB() + "Mi"));
        if (resources.gpus() > 0) {
            // Extended resources are requested and limited alike; a GPU is never shared.
            requests.put(GPU_RESOURCE, new Quantity(Integer.toString(resources.gpus())));
            limits.put(GPU_RESOURCE, new Quantity(Integer.toString(resources.gpus())));
        }
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(config.image())
                .withImagePullPolicy(config.imagePullPolicy())
                // Half the memory for the heap, as the local executor does: TensorFlow's tensors live outside it.
                .withCommand("java", "-Dai.djl.offline=true", "-Xmx" + Math.max(256, resources.memoryMiB() / 2) + "m",
                        "-cp", CLASSPATH, WorkerProtocol.MAIN_CLASS)
                .addNewEnv().withName(WorkerProtocol.SERVER_URL_ENV).withValue(config.serverUrl()).endEnv()
                .addNewEnv().withName(WorkerProtocol.JOB_ID_ENV).withValue(Long.toString(launch.jobId())).endEnv()
                .addNewEnv().withName(WorkerProtocol.JOB_TOKEN_ENV).withNewValueFrom().withNewSecretKeyRef()
                .withName(secretName).withKey(TOKEN_KEY).endSecretKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName(WorkerProtocol.TENSORFLOW_LIBRARY_PATH_ENV).withValue(TENSORFLOW_LIBRARY_PATH)
                .endEnv()
                .withNewResources().withRequests(requests).withLimits(limits).endResources()
                .withSecurityContext(RestrictedPod.containerSecurityContext())
                .withVolumeMounts(RestrictedPod.tmpMount());
        return container.build();
    }

    private List<Toleration> tolerations() {
        return config.tolerations().orElse(List.of()).stream()
                .map(t -> new TolerationBuilder().withKey(t.key()).withOperator(t.operator())
                        .withValue(t.value().orElse(null)).withEffect(t.effect().orElse(null)).build())
                .toList();
    }
}
