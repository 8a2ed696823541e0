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

    /**
     * Attempts running at once over all teams: the worker slots the queue fills. One team holds at most all but one
     * of them, so three lets a team run its default two jobs while another team still gets a slot.
     */
    @WithDefault("3")
    @Positive
    int parallelism();

    /** Read only when {@link #type()} is {@code kubernetes}. */
    KubernetesExecutorConfig kubernetes();
}
