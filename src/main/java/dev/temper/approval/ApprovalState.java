package dev.temper.approval;

/** OPEN -> APPROVED | REJECTED | WITHDRAWN | EXPIRED. */
public enum ApprovalState {
    OPEN, APPROVED, REJECTED, WITHDRAWN, EXPIRED
}
