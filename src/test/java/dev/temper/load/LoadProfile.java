package dev.temper.load;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The server as it runs in production as far as the harness can tell: production heartbeat timings (not the test
 * profile's one-second beat), enough worker slots for every played job, and workers played by the harness.
 */
public class LoadProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(PlayedWorkers.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "temper.executor.parallelism", "40",
                "temper.worker.heartbeat-seconds", "10",
                "temper.worker.heartbeat-timeout", "60s",
                "temper.storage.root", ArtifactVolume.root().toString());
    }
}
