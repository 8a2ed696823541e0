package dev.temper.approval;

/**
 * A request left OPEN: approved, rejected, withdrawn or expired ({@code request.state} says which). Fired inside
 * the transaction that decided it, so an observer that writes (the webhook outbox) commits with the decision or
 * not at all; an approval also fires {@link VersionApproved} and moves the alias.
 */
public record RequestDecided(ApprovalRequest request) {
}
