package dev.temper.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** {@code temper.webhooks.*}: where webhooks may point and how deliveries are sent and retried. */
@ConfigMapping(prefix = "temper.webhooks")
public interface WebhookConfig {

    /**
     * Whether webhooks may point at loopback, private, link-local and other internal addresses. Off, they are
     * refused, so a webhook cannot make the server probe its own network (SSRF). On only in tests and the demo.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** POSTs of one delivery at most, the first included; after the last failure it is FAILED. */
    @WithDefault("8")
    @Min(1)
    @Max(20)
    int maxAttempts();

    /** The wait before the second attempt; each later wait doubles, up to {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxBackoff();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The whole POST, connection included, is abandoned after this (and counted as a failed attempt). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How often due deliveries are looked for; new ones are also sent right after their event commits. */
    @WithDefault("5s")
    String pollInterval();
}
