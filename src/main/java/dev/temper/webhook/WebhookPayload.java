package dev.temper.webhook;

import dev.temper.approval.ApprovalRequest;
import dev.temper.registry.AliasMoved;

/**
 * The JSON body of a delivery: which event, of which team, when, and what happened. Times are ISO-8601 text.
 *
 * @param data a {@link Decision} or an {@link AliasMove}
 */
record WebhookPayload(String event, String team, String occurredAt, Object data) {

    /** An approval request left OPEN. */
    record Decision(long requestId, long modelVersionId, String modelVersion, String targetAlias, String state,
            String requestedBy, String decidedBy, String decidedAt, String comment) {

        static Decision of(ApprovalRequest r) {
            return new Decision(r.id, r.modelVersion.id, r.modelVersion.label(), r.targetAlias, r.state.name(),
                    r.requestedBy, r.decidedBy, r.decidedAt == null ? null : r.decidedAt.toString(),
                    r.decisionComment);
        }
    }

    /** A team alias that now points at {@code modelVersionId}. */
    record AliasMove(String alias, long modelVersionId) {

        static AliasMove of(AliasMoved moved) {
            return new AliasMove(moved.alias(), moved.modelVersionId());
        }
    }
}
