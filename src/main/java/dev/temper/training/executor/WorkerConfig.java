package dev.temper.training.executor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * {@code temper.worker.*}: how the server starts its local workers and how long it waits for any worker to
 * show it is alive. Workers themselves read none of it: they get their environment and their job spec.
 */
@ConfigMapping(prefix = "temper.worker")
public interface WorkerConfig {

    /** The URL a local worker reaches the server at. */
    @WithDefault("http://127.0.0.1:${quarkus.http.port:8080}")
    String serverUrl();

    /** The folder of the TensorFlow native library a local worker loads. */
    @WithDefault("${TENSORFLOW_LIBRARY_PATH:target/tensorflow-native/org/tensorflow/internal/c_api/linux-x86_64}")
    Path tensorflowLibraryPath();

    /** Where local workers write their output, a file per job. */
    @WithDefault("data/worker-logs")
    Path logDir();

    /** How often a worker sends a heartbeat; it learns this from its job spec. */
    @WithDefault("10")
    @Positive
    int heartbeatSeconds();

    /** A running worker silent for this long is lost, and its job retried where it may be. */
    @WithDefault("60s")
    @DurationMin(seconds = 1)
    Duration heartbeatTimeout();

    /** A worker not running this long after its start (no node, image never pulled) is lost too. */
    @WithDefault("15m")
    @DurationMin(seconds = 1)
    Duration startTimeout();
}
