package dev.temper.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewer's approval or rejection of a request; a request is decided by its votes. */
@Entity
@Table(name = "approval_vote")
public class ApprovalVote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public ApprovalRequest request;

    @Column(nullable = false)
    public String reviewer;

    @Column(nullable = false)
    public boolean approve;

    @Column(length = ApprovalRequest.COMMENT_MAX_LENGTH)
    public String comment;

    @Column(name = "voted_at", nullable = false)
    public Instant votedAt;
}
