package dev.temper.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The chain's head at one moment. The artifact under {@link #artifactKey} is the witness outside the database;
 * this row only indexes it, so verification reads the artifact, never trusts the row alone.
 */
@Entity
@Immutable
@Table(name = "audit_anchor")
public class AuditAnchor {

    /** Drawn before the insert, as the artifact's key names it. */
    @Id
    public Long id;

    @Column(name = "anchored_at", nullable = false)
    public Instant anchoredAt;

    @Column(name = "anchored_by", nullable = false)
    public String anchoredBy;

    /** 0 when the chain was empty. */
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;

    @Column(name = "entry_count", nullable = false)
    public long entryCount;

    @Column(name = "artifact_key", nullable = false)
    public String artifactKey;
}
