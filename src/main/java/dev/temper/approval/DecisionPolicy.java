package dev.temper.approval;

import dev.temper.base.PolicyDecision;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;

/**
 * Who may decide a request: a reviewer of the request's team. Where the team separates duties (the default),
 * the requester may not decide their own request, and whoever trained the version (the creator of its training
 * job) may reject it but not approve it. Whether the request is still open, and whether this reviewer already
 * voted, are the service's questions, asked under the request's row lock.
 */
final class DecisionPolicy {

    private DecisionPolicy() {
    }

    static PolicyDecision check(CurrentUser reviewer, ApprovalRequest request, boolean approve,
            boolean separatesDuties) {
        if (!reviewer.hasRole(Roles.REVIEWER)) {
            return PolicyDecision.reject("Only a reviewer may decide approval requests");
        }
        if (!reviewer.isMemberOf(request.team)) {
            return PolicyDecision.reject("Only a reviewer of team " + request.team + " may decide this request");
        }
        if (!separatesDuties) {
            return PolicyDecision.allow();
        }
        if (reviewer.username().equals(request.requestedBy)) {
            return PolicyDecision.reject("Four-eyes rule: you cannot decide your own request");
        }
        if (approve && reviewer.username().equals(request.modelVersion.createdBy)) {
            return PolicyDecision.reject("Separation of duties: you started the training job of "
                    + request.modelVersion.label() + ", so you may reject it but not approve it");
        }
        return PolicyDecision.allow();
    }
}
