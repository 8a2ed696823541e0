package dev.temper.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code temper.sign-in.*}: how the server tells whether browsers can be sent to the identity provider. */
@ConfigMapping(prefix = "temper.sign-in")
public interface SignInConfig {

    /** The realm browsers sign in at (the web tenant's {@code auth-server-url}); its discovery document is probed. */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String identityProviderUrl();

    /** A probe that has no answer by then counts as "cannot reach": a browser should not wait longer for a page. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** One probe's answer serves every sign-in for this long, so a flood of visitors costs one probe. */
    @WithDefault("5s")
    Duration probeCacheFor();
}
