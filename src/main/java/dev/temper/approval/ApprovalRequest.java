package dev.temper.approval;

import dev.temper.registry.ModelVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request to point a team alias (production) at a model version, and the reviewer's decision. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest {

    public static final int COMMENT_MAX_LENGTH = 2000;
    /** What the requester says the version is for; the model card quotes it. */
    public static final int INTENDED_USE_MAX_LENGTH = 2000;
    /** What the requester says the version must not be trusted with; the model card quotes it too. */
    public static final int CAVEATS_MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "model_version_id")
    public ModelVersion modelVersion;

    @Column(name = "target_alias", nullable = false)
    public String targetAlias;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalState state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "request_comment")
    public String requestComment;

    @Column(name = "intended_use", length = INTENDED_USE_MAX_LENGTH)
    public String intendedUse;

    @Column(length = CAVEATS_MAX_LENGTH)
    public String caveats;

    /** Approvals needed, as the team's policy said when the request was made (1 to 3). */
    @Column(name = "required_approvals", nullable = false)
    public int requiredApprovals = 1;

    /** When the request expires if still open; null: never. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Who decided it: the reviewer whose vote completed it, the requester who withdrew it, or the expiry sweep. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_comment")
    public String decisionComment;

    /**
     * The production version this request rolls back from: set when the requested version was approved before
     * and another version was in production when it was asked; null for every other request.
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "rollback_from_version_id")
    public ModelVersion rollbackFrom;

    /** "rollback from iris v3 to iris v2" for a rollback; empty for any other request. */
    public String rollbackText() {
        return rollbackFrom == null ? "" : "rollback from " + rollbackFrom.label() + " to " + modelVersion.label();
    }

    /** Whether an open request has passed its expiry time (the sweep may not have marked it yet). */
    public boolean isExpiredAt(Instant now) {
        return state == ApprovalState.OPEN && expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The evidence the request was made with, as canonical JSON ({@code approval.policy.Evidence}). */
    @Column(name = "evidence_json")
    public String evidenceJson;

    /** SHA-256 of {@link #evidenceJson}, also recorded in the request's audit entry. */
    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    /** The gate policy version the evidence was checked against; null when the team had none. */
    @Column(name = "policy_id")
    public Long policyId;
}
