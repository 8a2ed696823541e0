package dev.temper.training.dispatch;

import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.executor.JobExecutor;
import dev.temper.training.executor.kubernetes.KubernetesJobExecutor;
import dev.temper.training.executor.local.LocalProcessExecutor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Picks the executor with {@code temper.executor.type}: {@code local} (the default, child processes on this
 * machine) or {@code kubernetes} (a Job per attempt). Only the chosen one is ever created, so a local server
 * never talks to a cluster.
 */
@ApplicationScoped
class JobExecutorProducer {

    private final ExecutorConfig.Type type;
    private final Instance<LocalProcessExecutor> local;
    private final Instance<KubernetesJobExecutor> kubernetes;

    JobExecutorProducer(ExecutorConfig config, Instance<LocalProcessExecutor> local,
            Instance<KubernetesJobExecutor> kubernetes) {
        this.type = config.type();
        this.local = local;
        this.kubernetes = kubernetes;
    }

    @Produces
    @ApplicationScoped
    JobExecutor executor() {
        return switch (type) {
            case LOCAL -> local.get();
            case KUBERNETES -> kubernetes.get();
        };
    }

    /** The Kubernetes executor follows its workers from the start, so restarts and pending pods are seen. */
    void onStart(@Observes StartupEvent start) {
        if (type == ExecutorConfig.Type.KUBERNETES) {
            kubernetes.get().startWatching();
        }
    }
}
