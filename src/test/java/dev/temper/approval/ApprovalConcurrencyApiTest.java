package dev.temper.approval;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.audit.AuditRepository;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.Concurrently;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests and decisions sent at the same moment: exactly one wins, the others get 409, and the audit holds one
 * decision (and the refusals), never two outcomes for one request. Rounds are repeated because a race that is
 * lost only sometimes is the one that ships.
 */
@QuarkusTest
class ApprovalConcurrencyApiTest {

    private static final int ROUNDS = 4;
    private static long datasetId;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    ApprovalRepository requests;
    @Inject
    AuditRepository audit;

    private HandMadeEvaluations made;

    @BeforeEach
    void aDatasetExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "approval-race").multiPart("labelColumn", "species")
                    .multiPart("file", "r.csv", CsvFixtures.blobs(60, 5).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    @Test
    void anApprovalAndARejectionSentAtOnceHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long model = made.model(datasetId);
            assertThat(request(model).statusCode()).isEqualTo(201);
            long requestId = requests.find("modelVersion.id", model).firstResult().id;

            List<Integer> statuses = Concurrently.all(() -> decide(requestId, true), () -> decide(requestId, false));

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            boolean approved = statuses.get(0) == 200;
            ApprovalState state = approved ? ApprovalState.APPROVED : ApprovalState.REJECTED;
            assertThat(as("carol").get("/api/approvals/{id}", requestId).then().statusCode(200).extract().jsonPath()
                    .getString("state")).isEqualTo(state.name());
            assertThat(decisionsAudited(requestId)).as("one decision in the audit").isEqualTo(1);
            assertThat(audit.count("action = ?1 and objectId = ?2 and outcome = ?3",
                    AuditAction.APPROVAL_DECIDE.storedName(), Long.toString(requestId), AuditLog.DENIED))
                    .as("the loser's refusal is audited").isEqualTo(1);
            if (approved) {
                assertThat(ProductionAlias.ofTeamA()).isEqualTo(model);
            } else {
                assertThat(ProductionAlias.ofTeamA()).isNotEqualTo(model);
            }
        }
    }

    @Test
    void threeRequestsForOneModelSentAtOnceLeaveOneOpen() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long model = made.model(datasetId);

            List<Integer> statuses = Concurrently.all(() -> request(model).statusCode(), () -> request(model).statusCode(),
                    () -> request(model).statusCode());

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 409, 409);
            assertThat(requests.count("modelVersion.id = ?1 and state = ?2", model, ApprovalState.OPEN)).isEqualTo(1);
            assertThat(requests.count("modelVersion.id = ?1", model)).as("no stray row").isEqualTo(1);
        }
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgain() {
        long model = made.model(datasetId);
        assertThat(request(model).statusCode()).isEqualTo(201);
        long requestId = requests.find("modelVersion.id", model).firstResult().id;
        assertThat(decide(requestId, false)).isEqualTo(200);

        as("carol").contentType(ContentType.JSON).body(Map.of("approve", true, "comment", "second thoughts"))
                .post("/api/approvals/{id}/decision", requestId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already REJECTED (by carol"));
        assertThat(decisionsAudited(requestId)).isEqualTo(1);
    }

    private static Response request(long model) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model, "comment", "race"))
                .post("/api/approvals");
    }

    private static int decide(long requestId, boolean approve) {
        return as("carol").contentType(ContentType.JSON)
                .body(Map.of("approve", approve, "comment", approve ? "ship it" : "not yet"))
                .post("/api/approvals/{id}/decision", requestId).statusCode();
    }

    private long decisionsAudited(long requestId) {
        return audit.count("action in ?1 and objectId = ?2 and outcome = ?3",
                List.of(AuditAction.APPROVAL_APPROVE.storedName(), AuditAction.APPROVAL_REJECT.storedName()),
                Long.toString(requestId), AuditLog.SUCCESS);
    }
}
