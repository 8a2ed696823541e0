package dev.temper.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One audited change. Immutable here and append-only in the database (a trigger refuses changes). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    /** Drawn by {@link AuditLog} from the table's sequence before the hash is computed, as the hash covers it. */
    @Id
    public Long id;

    /** Gap-free position in the chain, 1 for the first entry. */
    @Column(nullable = false)
    public Long seq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    public String team;

    @Column(nullable = false)
    public String action;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    @Column(nullable = false)
    public String outcome;

    public String details;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
