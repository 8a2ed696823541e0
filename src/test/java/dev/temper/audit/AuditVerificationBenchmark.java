package dev.temper.audit;

import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.testsupport.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Scale harness, not a test (it asserts nothing and the default test run skips it by its name): appends
 * 1,000,000 valid chained entries (hashed by {@link AuditChain}, as the app hashes them) to the trail with COPY as
 * the schema's owner, then times verification and anchoring through {@link AuditService} and
 * {@link AuditAnchorService}, as the API calls them. Prints wall time, entries/s and heap. Target (issue 12):
 * verifying 1,000,000 entries in under 10 s.
 *
 * <p>Run: {@code QUARKUS_HTTP_TEST_PORT=8095 ./mvnw -o -B -ntp test -Dtest=AuditVerificationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.entries=N} for another size); the figures also land in
 * target/audit-verification.txt.
 */
@QuarkusTest
class AuditVerificationBenchmark {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    private static final int COPY_BATCH = 50_000;
    private static final int RUNS = 3;
    private static final CurrentUser ERIN = new CurrentUser("erin", Set.of(Roles.ADMIN),
            new TreeSet<>(Set.of("team-b")));

    @Inject
    AuditService audit;

    @Inject
    AuditAnchorService anchors;

    @Inject
    AuditRepository entries;

    @Test
    void verifyAMillionEntries() throws Exception {
        List<String> report = new ArrayList<>();
        long loadStart = System.nanoTime();
        appendChain(ENTRIES);
        report.add(line("bulk append (COPY as owner) of %,d entries: %.1f s", ENTRIES, seconds(loadStart)));
        System.gc();
        for (int run = 1; run <= RUNS; run++) {
            resetPeakHeap();
            long start = System.nanoTime();
            ChainVerification result = QuarkusTransaction.requiringNew().call(() -> audit.verifyChain(ERIN));
            double wall = seconds(start);
            report.add(line("verify run %d: %s, %,d entries in %.2f s = %,.0f entries/s, peak heap %d MiB",
                    run, result.intact() ? "intact" : "BROKEN " + result.detail(), result.entries(), wall,
                    result.entries() / wall, peakHeapMiB()));
        }
        long anchorStart = System.nanoTime();
        AuditAnchor anchor = QuarkusTransaction.requiringNew().call(() -> anchors.anchorNow(ERIN));
        report.add(line("anchor of %,d entries: %.3f s", anchor.entryCount, seconds(anchorStart)));
        resetPeakHeap();
        long anchoredStart = System.nanoTime();
        ChainVerification anchored = QuarkusTransaction.requiringNew().call(() -> audit.verifyChain(ERIN));
        double wall = seconds(anchoredStart);
        report.add(line("verify against anchor %d: %s, %,d entries in %.2f s = %,.0f entries/s, peak heap %d MiB",
                anchor.id, anchored.intact() ? "intact" : "BROKEN " + anchored.detail(), anchored.entries(), wall,
                anchored.entries() / wall, peakHeapMiB()));
        report.add(line("max heap %d MiB, %d processors", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors()));
        report.forEach(System.out::println);
        Files.write(Path.of("target", "audit-verification.txt"), report);
    }

    /** Continues the chain from its head: ids from the table's sequence, hashes as {@link AuditLog} makes them. */
    private void appendChain(int count) throws SQLException, IOException {
        AuditEntry head = QuarkusTransaction.requiringNew().call(() -> entries.head().orElse(null));
        try (Connection owner = Database.owner(); Statement sql = owner.createStatement()) {
            long firstId;
            try (ResultSet rows = sql.executeQuery("select nextval('audit_entry_id_seq')")) {
                rows.next();
                firstId = rows.getLong(1);
            }
            sql.execute("select setval('audit_entry_id_seq', " + (firstId + count) + ")");
            var copy = owner.unwrap(PGConnection.class).getCopyAPI();
            String previous = head == null ? AuditChain.GENESIS : head.hash;
            long seq = head == null ? 1 : head.seq + 1;
            Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(count);
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < count; i++) {
                AuditEntry e = new AuditEntry();
                e.id = firstId + i;
                e.seq = seq + i;
                e.occurredAt = time.plusMillis(i);
                e.actor = "bench-" + (i % 50);
                e.team = i % 3 == 0 ? null : "team-" + (i % 7);
                e.action = "quota.set";
                e.objectType = "Team";
                e.objectId = "team-" + (i % 7);
                e.outcome = AuditLog.SUCCESS;
                e.details = "gpus=" + (i % 9) + " | jobs=" + (i % 4);
                e.prevHash = previous;
                e.hash = AuditChain.hash(e);
                previous = e.hash;
                rows.append(e.id).append('\t').append(e.seq).append('\t').append(e.occurredAt).append('\t')
                        .append(e.actor).append('\t').append(e.team == null ? "\\N" : e.team).append('\t')
                        .append(e.action).append('\t').append(e.objectType).append('\t').append(e.objectId)
                        .append('\t').append(e.outcome).append('\t').append(e.details).append('\t')
                        .append(e.prevHash).append('\t').append(e.hash).append('\n');
                if ((i + 1) % COPY_BATCH == 0 || i == count - 1) {
                    copy.copyIn("copy audit_entry (id, seq, occurred_at, actor, team, action, object_type, object_id,"
                            + " outcome, details, prev_hash, hash) from stdin", new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            sql.execute("analyze audit_entry");
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
