package dev.temper.training.executor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/** {@code temper.executor.*}: where workers run, and how many attempts run at once. */
@ConfigMapping(prefix = "temper.executor")
public interface ExecutorConfig {

    /** The executors there are; only the chosen one is ever created. */
    enum Type {
        /** A child JVM per attempt on this machine. */
        LOCAL,
        /** A batch/v1 Job per attempt. */
        KUBERNETES
    }

    @WithDefault("local")
    Type type();

    /** Attempts running at once over all teams: the worker slots the queue fills. */
    @WithDefault("2")
    @Positive
    int parallelism();

    /** Read only when {@link #type()} is {@code kubernetes}. */
    KubernetesExecutorConfig kubernetes();
}
