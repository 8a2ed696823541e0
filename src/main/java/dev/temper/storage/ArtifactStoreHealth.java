package dev.temper.storage;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A server that cannot reach its artifact store can neither train, register nor serve: not ready. A full store is
 * still reachable (reads work, writes are refused with a 507), so it stays ready and shows its free space.
 */
@Readiness
@HealthGroup(ArtifactStoreHealth.DEPENDENCIES)
@ApplicationScoped
public class ArtifactStoreHealth implements HealthCheck {

    /** {@code /q/health/group/dependencies}: everything outside the server it needs, for operators. */
    public static final String DEPENDENCIES = "dependencies";

    private final ArtifactStore store;

    ArtifactStoreHealth(ArtifactStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("artifact-store");
        try {
            store.probe().forEach((key, value) -> response.withData(key, String.valueOf(value)));
            return response.up().build();
        } catch (IOException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
