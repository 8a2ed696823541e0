package dev.temper.approval;

/**
 * A reviewer approved a request: its version now holds the request's alias. Fired inside the decision's
 * transaction, so what observers do (the model card feature freezes the version's card) commits with the
 * decision or not at all.
 */
public record VersionApproved(ApprovalRequest request) {
}
