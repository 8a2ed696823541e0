package dev.temper.training.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerEnvironmentTest {

    @Test
    void theServersCredentialsDoNotReachAWorker() {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin", "HOME", "/home/temper",
                "QUARKUS_DATASOURCE_PASSWORD", "secret", "QUARKUS_OIDC_CREDENTIALS_SECRET", "secret",
                "TEMPER_STORAGE_S3_SECRET_KEY", "secret", "LD_LIBRARY_PATH", "/opt/tf"));

        WorkerEnvironment.restrict(environment);

        assertThat(environment).containsOnlyKeys("PATH", "HOME", "LD_LIBRARY_PATH");
    }
}
