package dev.temper.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.PolicyDecision;
import dev.temper.registry.ModelVersion;
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
                request(ApprovalState.OPEN, "vision", "erik"), true, true);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).isNull();
    }

    @Test
    void aUserWithoutTheReviewerRoleCannotDecide() {
        CurrentUser engineer = user("eva", Set.of(Roles.ML_ENGINEER, Roles.ADMIN), "vision");

        PolicyDecision decision = DecisionPolicy.check(engineer, request(ApprovalState.OPEN, "vision", "erik"), true, true);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Only a reviewer may decide approval requests");
    }

    @Test
    void aReviewerOfAnotherTeamCannotDecide() {
        PolicyDecision decision = DecisionPolicy.check(REVIEWER_OF_VISION,
                request(ApprovalState.OPEN, "speech", "erik"), true, true);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Only a reviewer of team speech may decide this request");
    }

    @Test
    void fourEyesRuleARequesterCannotDecideTheirOwnRequest() {
        PolicyDecision decision = DecisionPolicy.check(REVIEWER_OF_VISION,
                request(ApprovalState.OPEN, "vision", "rita"), false, true);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Four-eyes rule: you cannot decide your own request");
    }

    @Test
    void theTrainerOfAVersionMayRejectItButNotApproveIt() {
        ApprovalRequest trainedByRita = request(ApprovalState.OPEN, "vision", "erik");
        trainedByRita.modelVersion.createdBy = "rita";

        PolicyDecision approval = DecisionPolicy.check(REVIEWER_OF_VISION, trainedByRita, true, true);
        PolicyDecision rejection = DecisionPolicy.check(REVIEWER_OF_VISION, trainedByRita, false, true);

        assertThat(approval.allowed()).isFalse();
        assertThat(approval.reason()).isEqualTo("Separation of duties: you started the training job of digits v3, "
                + "so you may reject it but not approve it");
        assertThat(rejection.allowed()).isTrue();
    }

    @Test
    void aTeamThatDoesNotSeparateDutiesLetsTheRequesterAndTrainerApprove() {
        ApprovalRequest ownRequest = request(ApprovalState.OPEN, "vision", "rita");
        ownRequest.modelVersion.createdBy = "rita";

        assertThat(DecisionPolicy.check(REVIEWER_OF_VISION, ownRequest, true, false).allowed()).isTrue();
        assertThat(DecisionPolicy.check(REVIEWER_OF_VISION, ownRequest, true, true).allowed()).isFalse();
    }

    @Test
    void rolesAndTeamsHoldEvenWithoutSeparationOfDuties() {
        CurrentUser engineer = user("eva", Set.of(Roles.ML_ENGINEER), "vision");

        assertThat(DecisionPolicy.check(engineer, request(ApprovalState.OPEN, "vision", "erik"), true, false)
                .allowed()).isFalse();
        assertThat(DecisionPolicy.check(REVIEWER_OF_VISION, request(ApprovalState.OPEN, "speech", "erik"), true,
                false).allowed()).isFalse();
    }

    private static CurrentUser user(String name, Set<String> roles, String team) {
        return new CurrentUser(name, roles, new TreeSet<>(Set.of(team)));
    }

    private static ApprovalRequest request(ApprovalState state, String team, String requestedBy) {
        ApprovalRequest request = new ApprovalRequest();
        request.state = state;
        request.team = team;
        request.requestedBy = requestedBy;
        request.modelVersion = new ModelVersion();
        request.modelVersion.name = "digits";
        request.modelVersion.version = 3;
        request.modelVersion.createdBy = "trainer";
        return request;
    }
}
