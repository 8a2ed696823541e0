package dev.temper.audit;

import dev.temper.audit.AuditAnchorService.AnchorRecord;
import dev.temper.audit.ChainVerification.Problem;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading and verifying the trail: admins only, and they see every team's entries. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    /** Entries read per query while verifying or exporting, so memory stays flat however long the trail is. */
    static final int BATCH = 5_000;

    private final AuditRepository repository;
    private final AuditAnchorService anchors;

    AuditService(AuditRepository repository, AuditAnchorService anchors) {
        this.repository = repository;
        this.anchors = anchors;
    }

    /**
     * One page of the entries that match the filter, newest first unless sorted by {@code time}. A transaction of
     * its own: the lazy grid may fetch while a push is written, outside any request.
     */
    @Transactional
    public Page<AuditEntry> page(CurrentUser user, AuditFilter filter, PageRequest request, String sort) {
        user.requireRole(Roles.ADMIN, "read the audit trail");
        return repository.page(filter, request, sort);
    }

    /** Hands every entry that matches the filter, oldest first, to the sink, a batch at a time. */
    public void export(CurrentUser user, AuditFilter filter, Consumer<AuditEntry> sink) {
        user.requireRole(Roles.ADMIN, "export the audit trail");
        long after = 0;
        List<AuditEntry> batch;
        do {
            batch = repository.exportBatch(filter, after, BATCH);
            for (AuditEntry entry : batch) {
                sink.accept(entry);
                after = entry.id;
                repository.forget(entry);
            }
        } while (batch.size() == BATCH);
    }

    /**
     * Recomputes the chain in sequence order, then checks it against the latest anchor, and names the first
     * bad entry. A chain that is intact in itself but shorter than the anchor says lost its newest entries.
     */
    public ChainVerification verifyChain(CurrentUser user) {
        user.requireRole(Roles.ADMIN, "verify the audit trail");
        Optional<AuditAnchor> anchorRow = anchors.latest();
        Long anchorId = anchorRow.map(a -> a.id).orElse(null);
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        String hashAtAnchor = null;
        Optional<AnchorRecord> anchor = anchorRow.flatMap(anchors::read);
        if (anchorRow.isPresent() && (anchor.isEmpty() || !agrees(anchorRow.get(), anchor.get()))) {
            return ChainVerification.broken(0, anchorId, null, null, Problem.ANCHOR_MISSING, "anchor " + anchorId
                    + (anchor.isEmpty() ? " has no artifact in the store" : " differs from its artifact in the store"));
        }
        List<AuditEntry> batch;
        do {
            batch = repository.chainBatch(expectedSeq - 1, BATCH);
            for (AuditEntry entry : batch) {
                count++;
                if (entry.seq != expectedSeq) {
                    return ChainVerification.broken(count, anchorId, entry.id, entry.seq, Problem.SEQUENCE_GAP,
                            "entry " + entry.id + " has seq " + entry.seq + " where seq " + expectedSeq
                                    + " was expected");
                }
                if (!entry.prevHash.equals(previous)) {
                    return ChainVerification.broken(count, anchorId, entry.id, entry.seq, Problem.BROKEN_LINK,
                            "entry " + entry.id + " (seq " + entry.seq + ") does not link to the entry before it");
                }
                if (!entry.hash.equals(AuditChain.hash(entry))) {
                    return ChainVerification.broken(count, anchorId, entry.id, entry.seq, Problem.HASH_MISMATCH,
                            "entry " + entry.id + " (seq " + entry.seq + ") was changed: its hash does not match");
                }
                if (anchor.isPresent() && entry.seq == anchor.get().lastSeq()) {
                    hashAtAnchor = entry.hash;
                    if (!hashAtAnchor.equals(anchor.get().lastHash())) {
                        return ChainVerification.broken(count, anchorId, entry.id, entry.seq,
                                Problem.ANCHOR_MISMATCH, "entry " + entry.id + " (seq " + entry.seq
                                        + ") has another hash than anchor " + anchorId + " recorded");
                    }
                }
                previous = entry.hash;
                expectedSeq++;
                repository.forget(entry);
            }
        } while (batch.size() == BATCH);
        if (anchor.isPresent() && (count < anchor.get().entryCount() || expectedSeq - 1 < anchor.get().lastSeq())) {
            long firstMissing = expectedSeq;
            return ChainVerification.broken(count, anchorId, null, firstMissing, Problem.MISSING_ANCHORED_ENTRIES,
                    "the chain ends at seq " + (expectedSeq - 1) + " with " + count + " entries, but anchor "
                            + anchorId + " recorded " + anchor.get().entryCount() + " entries up to seq "
                            + anchor.get().lastSeq() + ": entries from seq " + firstMissing + " on were removed");
        }
        return ChainVerification.intact(count, anchorId);
    }

    private static boolean agrees(AuditAnchor row, AnchorRecord stored) {
        return stored.anchorId() == row.id && stored.lastSeq() == row.lastSeq
                && stored.lastHash().equals(row.lastHash) && stored.entryCount() == row.entryCount;
    }
}
