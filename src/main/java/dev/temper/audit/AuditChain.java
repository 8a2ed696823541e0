package dev.temper.audit;

import dev.temper.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Each entry's hash covers its fields and the previous entry's hash, so any edit breaks the chain. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        String canonical = Stream.of(e.prevHash, e.occurredAt.toString(), e.actor, e.team, e.action,
                        e.objectType, e.objectId, e.outcome, e.details)
                .map(v -> v == null ? "" : v.replace("\\", "\\\\").replace("|", "\\|"))
                .collect(Collectors.joining("|"));
        return Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
