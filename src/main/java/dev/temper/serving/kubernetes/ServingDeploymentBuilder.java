package dev.temper.serving.kubernetes;

import dev.temper.base.Sha256;
import dev.temper.contract.ServeProtocol;
import dev.temper.contract.WorkerProtocol;
import dev.temper.registry.ModelVersion;
import dev.temper.serving.ServingConfig;
import dev.temper.training.executor.KubernetesExecutorConfig;
import dev.temper.training.executor.kubernetes.RestrictedPod;
import dev.temper.training.executor.kubernetes.WorkerJobBuilder;
import dev.temper.training.executor.kubernetes.WorkerLabels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Deployment and Service that serve a team's production model in the cluster. Both are named after the team and
 * the model, so each approval of another version of the model updates the same Deployment; the version's id is in the
 * pod template (annotation, environment and arguments), so the update changes the template and Kubernetes rolls it
 * out, keeping old pods until new ones pass the readiness probe on the serving process's health path.
 */
final class ServingDeploymentBuilder {

    static final String COMPONENT = "app.kubernetes.io/component";
    static final String SERVING = "serving";
    static final String MODEL = "temper.dev/model";
    static final String MODEL_VERSION_ID = "temper.dev/model-version-id";
    static final String MODEL_VERSION_ID_ENV = "TEMPER_MODEL_VERSION_ID";
    static final String CONTAINER = "serve";
    static final int PORT = 8080;
    private static final int MAX_NAME_LENGTH = 63;

    private final KubernetesExecutorConfig executor;
    private final ServingConfig.KubernetesServing serving;

    ServingDeploymentBuilder(KubernetesExecutorConfig executor, ServingConfig.KubernetesServing serving) {
        this.executor = executor;
        this.serving = serving;
    }

    /**
     * {@code temper-serve-<team>-<model>} as a DNS label; a name cut to fit keeps a hash of the whole, so two long
     * names never share a Deployment.
     */
    static String name(String team, String model) {
        String whole = ("temper-serve-" + team + "-" + model).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (whole.length() <= MAX_NAME_LENGTH) {
            return whole.replaceAll("-+$", "");
        }
        return whole.substring(0, MAX_NAME_LENGTH - 9).replaceAll("-+$", "") + "-" + shortHash(whole);
    }

    /** What selects a model's pods: stable across its versions, as a Deployment's selector must be. */
    static Map<String, String> selector(String team, String model) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER);
        labels.put(COMPONENT, SERVING);
        labels.put(WorkerLabels.TEAM, WorkerLabels.labelValue(team));
        labels.put(MODEL, WorkerLabels.labelValue(model));
        return labels;
    }

    Deployment deployment(ModelVersion version) {
        Map<String, String> labels = selector(version.team, version.name);
        labels.put(MODEL_VERSION_ID, Long.toString(version.id));
        String name = name(version.team, version.name);
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(executor.namespace()).withLabels(labels)
                .addToAnnotations(MODEL_VERSION_ID, Long.toString(version.id)).endMetadata()
                .withNewSpec()
                .withReplicas(serving.replicas())
                .withNewSelector().withMatchLabels(selector(version.team, version.name)).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).addToAnnotations(MODEL_VERSION_ID, Long.toString(version.id))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(RestrictedPod.podSecurityContext())
                .withContainers(container(version))
                .addNewVolume().withName("artifacts").withNewPersistentVolumeClaim()
                .withClaimName(executor.artifactClaim().orElseThrow()).withReadOnly(true).endPersistentVolumeClaim()
                .endVolume()
                .addToVolumes(RestrictedPod.tmpVolume())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    Service service(ModelVersion version) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name(version.team, version.name)).withNamespace(executor.namespace())
                .withLabels(selector(version.team, version.name)).endMetadata()
                .withNewSpec()
                .withSelector(selector(version.team, version.name))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec()
                .build();
    }

    private Container container(ModelVersion version) {
        List<String> command = new ArrayList<>(List.of("java", "-Dai.djl.offline=true",
                "-Xmx" + Math.max(256, serving.memoryMiB() / 2) + "m", "-cp", WorkerJobBuilder.CLASSPATH,
                WorkerProtocol.MAIN_CLASS));
        String zip = WorkerJobBuilder.ARTIFACTS_PATH + "/" + version.artifactKey;
        Map<String, Quantity> requests = Map.of("cpu", new Quantity(serving.cpuMillis() + "m"),
                "memory", new Quantity(serving.memoryMiB() + "Mi"));
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(serving.image().orElse(executor.image()))
                .withImagePullPolicy(executor.imagePullPolicy())
                .withCommand(command)
                .withArgs(ServeProtocol.arguments(zip, version.sha256, version.id, PORT))
                .addNewEnv().withName(MODEL_VERSION_ID_ENV).withValue(Long.toString(version.id)).endEnv()
                .addNewEnv().withName(WorkerProtocol.TENSORFLOW_LIBRARY_PATH_ENV)
                .withValue(WorkerJobBuilder.TENSORFLOW_LIBRARY_PATH).endEnv()
                .addNewPort().withName("http").withContainerPort(PORT).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath(ServeProtocol.HEALTH_PATH)
                .withPort(new IntOrString("http")).endHttpGet().withPeriodSeconds(5).withFailureThreshold(3)
                .endReadinessProbe()
                .withNewResources().withRequests(requests)
                .withLimits(Map.of("memory", new Quantity(serving.memoryMiB() + "Mi"))).endResources()
                .withSecurityContext(RestrictedPod.containerSecurityContext())
                .addNewVolumeMount().withName("artifacts").withMountPath(WorkerJobBuilder.ARTIFACTS_PATH)
                .withReadOnly(true).endVolumeMount()
                .addToVolumeMounts(RestrictedPod.tmpMount())
                .build();
    }

    private static String shortHash(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
