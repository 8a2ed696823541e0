package dev.temper.approval;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.audit.AuditRepository;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.Concurrently;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests decided by several reviewers' votes, as the team's rules ask: approvals counted under the request's
 * lock, one vote per reviewer, a rejection deciding at once, the trainer barred from approving, withdrawal by the
 * requester and expiry. The rules are set directly ({@link AdjustableApprovalRules}).
 */
@QuarkusTest
@TestProfile(ApprovalVotesApiTest.AdjustableRules.class)
class ApprovalVotesApiTest {

    public static class AdjustableRules implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(AdjustableApprovalRules.class);
        }
    }

    private static long datasetId;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    AuditRepository audit;
    @Inject
    AdjustableApprovalRules rules;
    @Inject
    ApprovalService approvals;

    private HandMadeEvaluations made;

    @BeforeEach
    void twoApprovalsNeededAndADatasetExists() {
        rules.set(2, null, true);
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "approval-votes").multiPart("labelColumn", "species")
                    .multiPart("file", "v.csv", CsvFixtures.blobs(60, 7).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    @Test
    void aRequestIsApprovedWhenTheSecondReviewerApproves() {
        long model = made.model(datasetId);
        long request = request(model, Map.of());

        JsonPath first = vote("carol", request, true).then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("state")).isEqualTo("OPEN");
        assertThat(first.getInt("approvals")).isEqualTo(1);
        assertThat(first.getInt("requiredApprovals")).isEqualTo(2);
        assertThat(ProductionAlias.ofTeamA()).as("one approval of two moves nothing").isNotEqualTo(model);
        assertThat(audited(AuditAction.APPROVAL_VOTE, request)).isEqualTo(1);

        vote("carol", request, true).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("You already voted on request #" + request));

        JsonPath second = vote("frank", request, true).then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("state")).isEqualTo("APPROVED");
        assertThat(second.getString("decidedBy")).isEqualTo("frank");
        assertThat(second.getList("votes.reviewer")).containsExactly("carol", "frank");
        assertThat(ProductionAlias.ofTeamA()).isEqualTo(model);
        assertThat(audited(AuditAction.APPROVAL_APPROVE, request)).isEqualTo(1);
    }

    @Test
    void oneRejectionDecidesAtOnceWhateverApprovalsCameBefore() {
        long model = made.model(datasetId);
        long request = request(model, Map.of());
        vote("carol", request, true).then().statusCode(200);

        vote("frank", request, false).then().statusCode(200).body("state", equalTo("REJECTED"))
                .body("approvals", equalTo(1));

        assertThat(ProductionAlias.ofTeamA()).isNotEqualTo(model);
        vote("erin", request, true).then().statusCode(409);
    }

    @Test
    void twoReviewersApprovingAtOnceCompleteTheRequestOnce() throws Exception {
        for (int round = 0; round < 4; round++) {
            long model = made.model(datasetId);
            long request = request(model, Map.of());

            List<Integer> statuses = Concurrently.all(() -> vote("carol", request, true).statusCode(),
                    () -> vote("frank", request, true).statusCode());

            assertThat(statuses).as("round %d: both votes count", round).containsExactly(200, 200);
            assertThat(state(request)).isEqualTo("APPROVED");
            assertThat(audited(AuditAction.APPROVAL_VOTE, request)).as("round %d", round).isEqualTo(1);
            assertThat(audited(AuditAction.APPROVAL_APPROVE, request)).as("round %d", round).isEqualTo(1);
            assertThat(ProductionAlias.ofTeamA()).isEqualTo(model);
        }
    }

    @Test
    void oneReviewerVotingTwiceAtOnceCountsOnce() throws Exception {
        for (int round = 0; round < 4; round++) {
            long request = request(made.model(datasetId), Map.of());

            List<Integer> statuses = Concurrently.all(() -> vote("carol", request, true).statusCode(),
                    () -> vote("carol", request, true).statusCode());

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            assertThat(as("carol").get("/api/approvals/{id}", request).then().statusCode(200).extract().jsonPath()
                    .getInt("approvals")).isEqualTo(1);
            assertThat(state(request)).isEqualTo("OPEN");
        }
    }

    @Test
    void whoTrainedAVersionMayRejectItButNotApproveIt() {
        long model = made.model(datasetId);
        trainedBy(model, "frank");
        long request = request(model, Map.of());

        vote("frank", request, true).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Separation of duties: you started the training job of"));
        assertThat(audit.count("action = ?1 and objectId = ?2 and outcome = ?3 and actor = ?4",
                AuditAction.APPROVAL_DECIDE.storedName(), Long.toString(request), AuditLog.DENIED, "frank"))
                .isEqualTo(1);

        vote("frank", request, false).then().statusCode(200).body("state", equalTo("REJECTED"));
    }

    @Test
    void withoutSeparationOfDutiesTheTrainerMayApprove() {
        rules.set(1, null, false);
        long model = made.model(datasetId);
        trainedBy(model, "frank");

        vote("frank", request(model, Map.of()), true).then().statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void theRequesterOrAnAdminWithdrawsAnOpenRequest() {
        long model = made.model(datasetId);
        long request = request(model, Map.of());

        as("dana").contentType(ContentType.JSON).body(Map.of()).post("/api/approvals/{id}/withdrawal", request)
                .then().statusCode(403).body("detail", containsString("Only the requester (alice) or an admin"));
        as("bob").contentType(ContentType.JSON).body(Map.of()).post("/api/approvals/{id}/withdrawal", request)
                .then().statusCode(404);
        withdraw("alice", request).then().statusCode(200).body("state", equalTo("WITHDRAWN"))
                .body("decidedBy", equalTo("alice")).body("decisionComment", equalTo("found a bug"));

        vote("carol", request, true).then().statusCode(409).body("detail", containsString("already WITHDRAWN"));
        withdraw("alice", request).then().statusCode(409);
        assertThat(audited(AuditAction.APPROVAL_WITHDRAW, request)).isEqualTo(1);

        long again = request(model, Map.of());
        withdraw("erin", again).then().statusCode(200).body("decidedBy", equalTo("erin"));
    }

    @Test
    void aRequestPastItsLifetimeCannotBeDecidedAndTheSweepExpiresIt() {
        rules.set(2, Duration.ofMillis(1), true);
        long model = made.model(datasetId);
        long request = request(model, Map.of());
        assertThat(as("carol").get("/api/approvals/{id}", request).then().extract().jsonPath().getString("expiresAt"))
                .isNotNull();

        vote("carol", request, true).then().statusCode(409).body("detail", containsString("The request expired at"));

        assertThat(approvals.expireDue(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(state(request)).isEqualTo("EXPIRED");
        assertThat(audit.count("action = ?1 and objectId = ?2 and actor = ?3", AuditAction.APPROVAL_EXPIRE.storedName(),
                Long.toString(request), ApprovalService.SYSTEM_ACTOR)).isEqualTo(1);
        rules.set(2, null, true);
        request(model, Map.of());
    }

    @Test
    void caveatsStatedWithTheRequestReachTheModelCard() {
        rules.set(1, null, true);
        long model = made.model(datasetId);
        String caveats = "Untested on digits scanned below 150 dpi.";
        long request = request(model, Map.of("intendedUse", "Sorting mail by postcode.", "caveats", caveats));
        as("carol").get("/api/approvals/{id}", request).then().statusCode(200).body("caveats", equalTo(caveats));

        String card = as("dana").get("/api/models/{id}/card", model).then().statusCode(200).extract().asString();

        String section = card.substring(card.indexOf("## Ethical considerations and caveats"));
        assertThat(section).contains("> " + caveats).contains("approval request #" + request);
        as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model, "caveats", "x".repeat(2001)))
                .post("/api/approvals").then().statusCode(400);
    }

    private long request(long model, Map<String, String> statement) {
        Map<String, Object> body = new HashMap<>(statement);
        body.put("modelVersionId", model);
        body.put("comment", "ready");
        return as("alice").contentType(ContentType.JSON).body(body).post("/api/approvals").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Response vote(String reviewer, long request, boolean approve) {
        return as(reviewer).contentType(ContentType.JSON)
                .body(Map.of("approve", approve, "comment", approve ? "looks right" : "not yet"))
                .post("/api/approvals/{id}/decision", request);
    }

    private static Response withdraw(String user, long request) {
        return as(user).contentType(ContentType.JSON).body(Map.of("comment", "found a bug"))
                .post("/api/approvals/{id}/withdrawal", request);
    }

    private static String state(long request) {
        return as("carol").get("/api/approvals/{id}", request).then().statusCode(200).extract().jsonPath()
                .getString("state");
    }

    private long audited(AuditAction action, long request) {
        return audit.count("action = ?1 and objectId = ?2 and outcome = ?3", action.storedName(),
                Long.toString(request), AuditLog.SUCCESS);
    }

    private void trainedBy(long model, String user) {
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion version = models.findById(model);
            version.createdBy = user;
        });
    }
}
