package dev.temper.modelcard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The card of an approved version as rendered at approval, with the SHA-256 of its UTF-8 bytes. Written once in
 * the approval's transaction and never changed; every read checks the content against the hash.
 */
@Entity
@Table(name = "model_card")
public class FrozenCard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @Column(name = "model_version_id", nullable = false)
    public Long modelVersionId;

    @Column(name = "approval_request_id", nullable = false)
    public Long approvalRequestId;

    @Column(nullable = false)
    public String markdown;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "frozen_by", nullable = false)
    public String frozenBy;

    @Column(name = "frozen_at", nullable = false)
    public Instant frozenAt;
}
