package dev.temper.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.PolicyDecision;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    private static final CurrentUser REVIEWER_OF_VISION = user("rita", Set.of(Roles.REVIEWER), "vision");

    @Test
    void aReviewerOfTheTeamMayDecideSomeoneElsesOpenRequest() {
        PolicyDecision decision = DecisionPolicy.check(REVIEWER_OF_VISION,
                request(ApprovalState.OPEN, "vision", "erik"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).isNull();
    }

    @Test
    void aUserWithoutTheReviewerRoleCannotDecide() {
        CurrentUser engineer = user("eva", Set.of(Roles.ML_ENGINEER, Roles.ADMIN), "vision");

        PolicyDecision decision = DecisionPolicy.check(engineer, request(ApprovalState.OPEN, "vision", "erik"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Only a reviewer may decide approval requests");
    }

    @Test
    void aReviewerOfAnotherTeamCannotDecide() {
        PolicyDecision decision = DecisionPolicy.check(REVIEWER_OF_VISION,
                request(ApprovalState.OPEN, "speech", "erik"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Only a reviewer of team speech may decide this request");
    }

    @Test
    void fourEyesRuleARequesterCannotDecideTheirOwnRequest() {
        PolicyDecision decision = DecisionPolicy.check(REVIEWER_OF_VISION,
                request(ApprovalState.OPEN, "vision", "rita"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Four-eyes rule: you cannot decide your own request");
    }

    private static CurrentUser user(String name, Set<String> roles, String team) {
        return new CurrentUser(name, roles, new TreeSet<>(Set.of(team)));
    }

    private static ApprovalRequest request(ApprovalState state, String team, String requestedBy) {
        ApprovalRequest request = new ApprovalRequest();
        request.state = state;
        request.team = team;
        request.requestedBy = requestedBy;
        return request;
    }
}
