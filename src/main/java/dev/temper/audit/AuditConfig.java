package dev.temper.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code temper.audit.*}: how often the chain's head is anchored in the artifact store. */
@ConfigMapping(prefix = "temper.audit")
public interface AuditConfig {

    /** Time between periodic anchors; an anchor is only written when entries were added since the last one. */
    @WithDefault("1h")
    Duration anchorInterval();
}
