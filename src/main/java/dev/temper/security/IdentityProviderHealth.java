package dev.temper.security;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Keycloak answers, in the {@code dependencies} group only and deliberately not in readiness: with Keycloak
 * away, signed-in users keep working until their tokens expire, and a readiness failure would take every replica out
 * of its Service and end that for all of them. Shares the sign-in page's cached probe.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class IdentityProviderHealth implements AsyncHealthCheck {

    private final IdentityProviderProbe probe;
    private final SignInConfig config;

    IdentityProviderHealth(IdentityProviderProbe probe, SignInConfig config) {
        this.probe = probe;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(probe.reachable().toCompletionStage())
                .map(reachable -> HealthCheckResponse.named("identity-provider").status(reachable)
                        .withData("url", config.identityProviderUrl()).build());
    }
}
