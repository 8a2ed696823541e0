package dev.temper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.audit.ChainVerification.Problem;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.testsupport.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampers with the trail as the database superuser would (the app's own role cannot: see AppRoleTest) and checks
 * that verification fails and names the first bad entry. The trail is put back after each tampering, so it stays
 * intact for every other test.
 */
@QuarkusTest
class AuditTamperTest {

    private static final CurrentUser ERIN = new CurrentUser("erin", Set.of(Roles.ADMIN), new TreeSet<>(Set.of("team-b")));

    @Inject
    AuditLog auditLog;

    @Inject
    AuditService audit;

    @Inject
    AuditAnchorService anchors;

    @Inject
    AuditRepository entries;

    @BeforeEach
    void fiveFreshEntries() {
        for (int i = 0; i < 5; i++) {
            String details = "entry " + i + " | with a bar and a \\ backslash";
            String team = i % 2 == 0 ? "team-a" : null;
            QuarkusTransaction.requiringNew().run(() ->
                    auditLog.record("tester", team, AuditAction.QUOTA_SET, "team-a", details));
        }
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerification result = QuarkusTransaction.requiringNew().call(() -> audit.verifyChain(ERIN));
        assertThat(result.intact()).as(result.detail()).isTrue();
        assertThat(result.problem()).isNull();
        assertThat(result.entries()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void changingAFieldOfAMiddleEntryIsAHashMismatchAtThatEntry() {
        AuditEntry middle = middle();
        ChainVerification result = tamperAndVerify(sql -> sql.accept(
                "update audit_entry set actor = 'mallory' where id = " + middle.id));
        assertBroken(result, middle.id, middle.seq, Problem.HASH_MISMATCH);
    }

    @Test
    void deletingAMiddleEntryIsASequenceGapAtTheEntryAfterIt() {
        AuditEntry middle = middle();
        AuditEntry next = entries.atSeq(middle.seq + 1).orElseThrow();
        ChainVerification result = tamperAndVerify(sql -> sql.accept("delete from audit_entry where id = " + middle.id));
        assertBroken(result, next.id, next.seq, Problem.SEQUENCE_GAP);
    }

    @Test
    void deletingTheNewestEntriesAfterAnAnchorIsDetectedAgainstTheAnchor() {
        AuditAnchor anchor = QuarkusTransaction.requiringNew().call(() -> anchors.anchorNow(ERIN));
        long firstRemoved = anchor.lastSeq - 1;
        ChainVerification result = tamperAndVerify(sql -> sql.accept(
                "delete from audit_entry where seq >= " + firstRemoved));
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).isEqualTo(Problem.MISSING_ANCHORED_ENTRIES);
        assertThat(result.badSeq()).isEqualTo(firstRemoved);
        assertThat(result.anchorId()).isEqualTo(anchor.id);
        assertThat(result.detail()).contains("seq " + firstRemoved);
    }

    @Test
    void rewritingTheWholeChainAfterAChangeIsDetectedAtTheAnchoredEntry() {
        AuditAnchor anchor = QuarkusTransaction.requiringNew().call(() -> anchors.anchorNow(ERIN));
        AuditEntry middle = middle();
        ChainVerification result = tamperAndVerify(sql -> {
            sql.accept("update audit_entry set details = 'nothing happened' where id = " + middle.id);
            rehashFrom(middle.seq, sql);
        });
        AuditEntry anchored = entries.atSeq(anchor.lastSeq).orElseThrow();
        assertBroken(result, anchored.id, anchored.seq, Problem.ANCHOR_MISMATCH);
    }

    @Test
    void aForgedEntryAppendedWithAMadeUpHashIsAHashMismatch() {
        AuditEntry head = entries.head().orElseThrow();
        long forgedId = head.id + 1_000_000;
        ChainVerification result = tamperAndVerify(sql -> sql.accept(
                "insert into audit_entry (id, seq, occurred_at, actor, team, action, object_type, object_id, outcome,"
                        + " details, prev_hash, hash) values (" + forgedId + ", " + (head.seq + 1) + ", now(), 'carol',"
                        + " 'team-a', 'approval.approve', 'ApprovalRequest', '1', 'SUCCESS', null, '" + head.hash
                        + "', '" + "a".repeat(64) + "')"));
        assertBroken(result, forgedId, head.seq + 1, Problem.HASH_MISMATCH);
    }

    @Test
    void aForgedEntryInsertedInTheMiddleWithAValidHashIsASequenceGap() {
        AuditEntry middle = middle();
        AuditEntry before = entries.atSeq(middle.seq - 1).orElseThrow();
        long forgedId = entries.head().orElseThrow().id + 1_000_000;
        ChainVerification result = tamperAndVerify(sql -> {
            // A superuser can drop the constraint that keeps sequence numbers unique (put back afterwards).
            sql.accept("alter table audit_entry drop constraint audit_entry_seq_unique");
            AuditEntry forged = new AuditEntry();
            forged.id = forgedId;
            forged.seq = middle.seq;
            forged.occurredAt = middle.occurredAt;
            forged.actor = "carol";
            forged.action = "approval.approve";
            forged.objectType = "ApprovalRequest";
            forged.outcome = "SUCCESS";
            forged.prevHash = before.hash;
            forged.hash = AuditChain.hash(forged);
            sql.accept("insert into audit_entry (id, seq, occurred_at, actor, action, object_type, outcome, prev_hash,"
                    + " hash) values (" + forgedId + ", " + forged.seq + ", '" + forged.occurredAt + "', 'carol',"
                    + " 'approval.approve', 'ApprovalRequest', 'SUCCESS', '" + forged.prevHash + "', '" + forged.hash
                    + "')");
        });
        assertBroken(result, forgedId, middle.seq, Problem.SEQUENCE_GAP);
    }

    /** The third newest entry: one of this test's own, with entries before and after it. */
    private AuditEntry middle() {
        return QuarkusTransaction.requiringNew().call(() -> entries.atSeq(entries.head().orElseThrow().seq - 2)
                .orElseThrow());
    }

    /**
     * Runs the statements as the database superuser with the append-only triggers off (replica mode skips ordinary
     * triggers; only a superuser may set it, never the app's role), each committed as an attacker's would be, then
     * verifies through the app, and finally puts the trail back as it was before, so that other tests find it intact.
     */
    private ChainVerification tamperAndVerify(Consumer<Consumer<String>> tampering) {
        try (Connection superuser = Database.superuser(); Statement sql = superuser.createStatement()) {
            sql.execute("create temp table audit_entry_before as select * from audit_entry");
            sql.execute("set session_replication_role = replica");
            try {
                tampering.accept(statement -> {
                    try {
                        sql.execute(statement);
                    } catch (SQLException refused) {
                        throw new IllegalStateException(statement, refused);
                    }
                });
                return QuarkusTransaction.requiringNew().call(() -> audit.verifyChain(ERIN));
            } finally {
                restore(superuser, sql);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void restore(Connection superuser, Statement sql) throws SQLException {
        superuser.setAutoCommit(false);
        sql.execute("delete from audit_entry");
        sql.execute("alter table audit_entry drop constraint if exists audit_entry_seq_unique");
        sql.execute("insert into audit_entry select * from audit_entry_before");
        sql.execute("alter table audit_entry add constraint audit_entry_seq_unique unique (seq)");
        superuser.commit();
    }

    /** What a forger who knows the hash would do: recompute every hash from {@code seq} on. */
    private void rehashFrom(long seq, Consumer<String> sql) {
        List<AuditEntry> rewritten = QuarkusTransaction.requiringNew().call(() -> {
            String previous = entries.atSeq(seq - 1).orElseThrow().hash;
            List<AuditEntry> changed = entries.find("seq >= ?1 order by seq", seq).list();
            for (AuditEntry e : changed) {
                e.prevHash = previous;
                e.hash = AuditChain.hash(e);
                previous = e.hash;
                entries.forget(e);
            }
            return changed;
        });
        rewritten.forEach(e -> sql.accept("update audit_entry set prev_hash = '" + e.prevHash + "', hash = '" + e.hash
                + "' where id = " + e.id));
    }

    private static void assertBroken(ChainVerification result, long id, long seq, Problem problem) {
        assertThat(result.intact()).as("verification of a tampered chain").isFalse();
        assertThat(result.problem()).as(result.detail()).isEqualTo(problem);
        assertThat(result.badEntryId()).isEqualTo(id);
        assertThat(result.badSeq()).isEqualTo(seq);
        assertThat(result.detail()).contains("entry " + id);
    }
}
