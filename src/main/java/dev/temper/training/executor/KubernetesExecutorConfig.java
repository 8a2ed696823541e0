package dev.temper.training.executor;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code temper.executor.kubernetes.*}, the {@code kubernetes} group of {@code ExecutorConfig}: where and how
 * the Kubernetes executor runs workers. Read only when {@code temper.executor.type=kubernetes}; every key has
 * a default, so a local server needs none of them.
 */
public interface KubernetesExecutorConfig {

    /** The namespace the worker Jobs, their pods and token Secrets live in. */
    @WithDefault("temper")
    String namespace();

    /** The image holding the worker: the server's own image. */
    @WithDefault("temper:latest")
    String image();

    @WithDefault("IfNotPresent")
    String imagePullPolicy();

    /** The URL workers reach the server at from inside the cluster (a Service, not localhost). */
    @WithDefault("${temper.worker.server-url}")
    String serverUrl();

    /** Node labels a worker pod must match, such as a GPU node pool's. */
    Map<String, String> nodeSelector();

    /** Taints worker pods tolerate, such as the {@code nvidia.com/gpu} taint of GPU nodes. */
    Optional<List<Toleration>> tolerations();

    Optional<String> priorityClassName();

    /** A RuntimeClass for worker pods, such as {@code nvidia} where the GPU container runtime is not the default. */
    Optional<String> runtimeClassName();

    /**
     * A PersistentVolumeClaim mounted read-only at {@value WorkerJobBuilder#ARTIFACTS_PATH} in serving pods; training
     * workers never mount it.
     */
    Optional<String> artifactClaim();

    Optional<String> serviceAccount();

    /** How long Kubernetes keeps a finished Job (and its pod, for {@code kubectl logs}) before deleting it. */
    @WithDefault("86400")
    @PositiveOrZero
    int ttlSecondsAfterFinished();

    /** One toleration, as in a pod spec. */
    interface Toleration {
        String key();

        @WithDefault("Equal")
        String operator();

        Optional<String> value();

        Optional<String> effect();
    }
}
