package dev.temper.serving;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.Optional;

/** How production models are served, from temper.serving.* in the configuration. */
@ConfigMapping(prefix = "temper.serving")
public interface ServingConfig {

    /** Rows one micro-batch gathers at most from concurrent requests. */
    @WithDefault("256")
    @Min(1)
    @Max(4096)
    int maxBatch();

    /** How long the first request of a batch waits for others to join it. */
    @WithDefault("1")
    @Min(0)
    @Max(1000)
    int maxWaitMillis();

    /** Rows one request may carry. */
    @WithDefault("1000")
    @Min(1)
    @Max(100_000)
    int maxRowsPerRequest();

    /** Bytes one PNG image may have: more is refused with 413 before it is decoded. */
    @WithDefault("4194304")
    @Min(1)
    @Max(67_108_864)
    int maxImageBytes();

    /** The serving Deployment of each production model, when the executor is Kubernetes. */
    KubernetesServing kubernetes();

    /** {@code temper.serving.kubernetes.*}: read only when {@code temper.executor.type=kubernetes}. */
    interface KubernetesServing {

        /** The image of the serving pods; by default the workers' (the server's own) image. */
        Optional<String> image();

        @WithDefault("1")
        @Min(1)
        @Max(50)
        int replicas();

        /** CPU each serving pod requests, in millicores. */
        @WithDefault("500")
        @Min(50)
        @Max(64_000)
        int cpuMillis();

        /** Memory each serving pod requests and is limited to. */
        @WithDefault("1024")
        @Min(256)
        @Max(262_144)
        int memoryMiB();
    }

    /** Where served models are unpacked; each version in a directory of its own. */
    @WithDefault("data/serving")
    Path cacheDir();
}
