package dev.temper.audit;

import dev.temper.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Each entry's hash covers its sequence number, its id, its fields and the previous entry's hash, so any edit,
 * removal, insertion or reordering breaks the chain. Migration V15 computes the same canonical form in SQL; the
 * two must stay identical.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final String NULL = "\\N";

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        return Sha256.hex(canonical(e).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code seq|id|prev|micros|actor|team|action|objectType|objectId|outcome|details}, nulls as {@code \N}. */
    static String canonical(AuditEntry e) {
        return Stream.of(String.valueOf(e.seq), String.valueOf(e.id), e.prevHash,
                        String.valueOf(epochMicros(e.occurredAt)),
                        field(e.actor), field(e.team), field(e.action), field(e.objectType), field(e.objectId),
                        field(e.outcome), field(e.details))
                .collect(Collectors.joining("|"));
    }

    private static String field(String v) {
        return v == null ? NULL : v.replace("\\", "\\\\").replace("|", "\\|");
    }

    /** Microseconds: what PostgreSQL keeps, and a form SQL can print exactly as Java does. */
    static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
