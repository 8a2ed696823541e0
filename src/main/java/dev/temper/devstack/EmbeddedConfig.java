package dev.temper.devstack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;

/** {@code temper.embedded.*}: the PostgreSQL and Keycloak that zero-setup mode starts itself. */
@ConfigMapping(prefix = "temper.embedded")
public interface EmbeddedConfig {

    /** Off unless asked for ({@code ./mvnw -Pdemo}): a real deployment brings its own database and Keycloak. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("54329")
    @Min(1)
    @Max(65535)
    int postgresPort();

    @WithDefault("data/postgres")
    Path postgresData();

    /** Keycloak's HTTP port; the port above it is Keycloak's management port. */
    @WithDefault("8180")
    @Min(1)
    @Max(65534)
    int keycloakPort();

    /** An unpacked Keycloak distribution (the build downloads it into target/keycloak). */
    @WithDefault("target/keycloak/keycloak-26.5.6")
    Path keycloakHome();
}
