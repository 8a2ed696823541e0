package dev.temper.approval;

import dev.temper.base.PolicyDecision;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;

/**
 * Who may decide a request: a reviewer of the request's team who did not ask for it (four eyes). Whether the
 * request is still open is the service's question, asked under the request's row lock.
 */
final class DecisionPolicy {

    private DecisionPolicy() {
    }

    static PolicyDecision check(CurrentUser reviewer, ApprovalRequest request) {
        if (!reviewer.hasRole(Roles.REVIEWER)) {
            return PolicyDecision.reject("Only a reviewer may decide approval requests");
        }
        if (!reviewer.isMemberOf(request.team)) {
            return PolicyDecision.reject("Only a reviewer of team " + request.team + " may decide this request");
        }
        if (reviewer.username().equals(request.requestedBy)) {
            return PolicyDecision.reject("Four-eyes rule: you cannot decide your own request");
        }
        return PolicyDecision.allow();
    }
}
