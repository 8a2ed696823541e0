package dev.temper.training;

import dev.temper.training.kubernetes.KubernetesJobExecutor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the executor with {@code temper.executor.type}: {@code local} (the default, child processes on this
 * machine) or {@code kubernetes} (a Job per attempt). Only the chosen one is ever created, so a local server
 * never talks to a cluster.
 */
@ApplicationScoped
class JobExecutorProducer {

    private final String type;
    private final Instance<LocalProcessExecutor> local;
    private final Instance<KubernetesJobExecutor> kubernetes;

    JobExecutorProducer(@ConfigProperty(name = "temper.executor.type", defaultValue = "local") String type,
            Instance<LocalProcessExecutor> local, Instance<KubernetesJobExecutor> kubernetes) {
        this.type = type;
        this.local = local;
        this.kubernetes = kubernetes;
        if (!type.equals("local") && !type.equals("kubernetes")) {
            throw new IllegalArgumentException("temper.executor.type must be local or kubernetes, not " + type);
        }
    }

    @Produces
    @ApplicationScoped
    JobExecutor executor() {
        return type.equals("kubernetes") ? kubernetes.get() : local.get();
    }

    /** The Kubernetes executor follows its workers from the start, so restarts and pending pods are seen. */
    void onStart(@Observes StartupEvent start) {
        if (type.equals("kubernetes")) {
            kubernetes.get().startWatching();
        }
    }
}
