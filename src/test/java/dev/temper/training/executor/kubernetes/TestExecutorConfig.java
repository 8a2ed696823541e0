package dev.temper.training.executor.kubernetes;

import dev.temper.training.executor.KubernetesExecutorConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Executor settings for tests without Quarkus: a GPU node pool, its taint, a priority class, the GPU runtime class and the artifact claim. */
record TestExecutorConfig(String namespace, String image, String imagePullPolicy, String serverUrl,
                          Map<String, String> nodeSelector, Optional<List<Toleration>> tolerations,
                          Optional<String> priorityClassName, Optional<String> runtimeClassName,
                          Optional<String> artifactClaim,
                          Optional<String> serviceAccount, int ttlSecondsAfterFinished)
        implements KubernetesExecutorConfig {

    record TestToleration(String key, String operator, Optional<String> value, Optional<String> effect)
            implements Toleration {
    }

    static TestExecutorConfig gpuPool(String namespace) {
        return new TestExecutorConfig(namespace, "registry.example.com/temper:1.4.0", "IfNotPresent",
                "http://temper-server.temper.svc:8080", Map.of("cloud.example.com/pool", "gpu-a100"),
                Optional.of(List.of(new TestToleration("nvidia.com/gpu", "Exists", Optional.empty(),
                        Optional.of("NoSchedule")))),
                Optional.of("temper-training"), Optional.of("nvidia"), Optional.of("temper-artifacts"), Optional.empty(),
                3600);
    }
}
