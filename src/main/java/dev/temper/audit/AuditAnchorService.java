package dev.temper.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.storage.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the chain's head (last sequence, last hash, count, time) to the artifact store, one new key per anchor,
 * so that a later verification can tell that entries were removed from the end of the chain: the store is the
 * witness the database cannot rewrite.
 */
@ApplicationScoped
public class AuditAnchorService {

    /** The actor of periodic anchors. */
    public static final String SCHEDULER = "system:audit-anchor";

    /** What an anchor artifact holds; {@code anchorId} ties it to its row. */
    public record AnchorRecord(long anchorId, Instant anchoredAt, String anchoredBy, long lastSeq, String lastHash,
            long entryCount) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final AuditRepository entries;
    private final AuditAnchorRepository anchors;
    private final ArtifactStore store;

    AuditAnchorService(AuditRepository entries, AuditAnchorRepository anchors, ArtifactStore store) {
        this.entries = entries;
        this.anchors = anchors;
        this.store = store;
    }

    /** An admin anchors the head now, whether or not anything was added since the last anchor. */
    @Transactional
    public AuditAnchor anchorNow(CurrentUser user) {
        user.requireRole(Roles.ADMIN, "anchor the audit trail");
        return write(user.username());
    }

    /** The periodic anchor: written only when the chain grew since the latest anchor. */
    @Transactional
    public Optional<AuditAnchor> anchorIfChanged() {
        entries.lockChain();
        long headSeq = entries.head().map(e -> e.seq).orElse(0L);
        boolean unchanged = anchors.latest().map(a -> a.lastSeq == headSeq).orElse(false);
        return unchanged ? Optional.empty() : Optional.of(write(SCHEDULER));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditAnchor> page(CurrentUser user, PageRequest request) {
        user.requireRole(Roles.ADMIN, "read the audit anchors");
        return anchors.page(request);
    }

    /** The anchor as stored in the artifact store, to export it; 404 if the row or the artifact is missing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AnchorRecord stored(CurrentUser user, long id) {
        user.requireRole(Roles.ADMIN, "read the audit anchors");
        AuditAnchor anchor = anchors.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("anchor", id));
        return read(anchor).orElseThrow(() -> ProblemException.notFound("anchor artifact", anchor.artifactKey));
    }

    /** The latest anchor's row, for verification. */
    Optional<AuditAnchor> latest() {
        return anchors.latest();
    }

    /** What the store holds for this anchor, or empty when the artifact is gone. */
    Optional<AnchorRecord> read(AuditAnchor anchor) {
        if (!store.exists(anchor.artifactKey)) {
            return Optional.empty();
        }
        try (InputStream in = store.open(anchor.artifactKey)) {
            return Optional.of(JSON.readValue(in, AnchorRecord.class));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read audit anchor " + anchor.artifactKey, unreadable);
        }
    }

    private AuditAnchor write(String actor) {
        entries.lockChain();
        Optional<AuditEntry> head = entries.head();
        AuditAnchor anchor = new AuditAnchor();
        anchor.anchoredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        anchor.anchoredBy = actor;
        anchor.lastSeq = head.map(e -> e.seq).orElse(0L);
        anchor.lastHash = head.map(e -> e.hash).orElse(AuditChain.GENESIS);
        anchor.entryCount = entries.count();
        anchor.id = anchors.nextId();
        // The id orders the keys; the random part keeps them apart from a store that outlived its database.
        String key = "audit/anchors/" + anchor.id + "-" + UUID.randomUUID() + ".json";
        anchor.artifactKey = key;
        anchors.persist(anchor);
        put(key, new AnchorRecord(anchor.id, anchor.anchoredAt, actor, anchor.lastSeq, anchor.lastHash,
                anchor.entryCount));
        return anchor;
    }

    private void put(String key, AnchorRecord record) {
        Path file = null;
        try {
            file = Files.createTempFile("audit-anchor", ".json");
            JSON.writeValue(file.toFile(), record);
            store.put(key, file);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write audit anchor " + key, failed);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
