package dev.temper.approval;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditEntry;
import dev.temper.audit.AuditLog;
import dev.temper.audit.AuditRepository;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rolling production back to an earlier approved version over /api/approvals: an ordinary request (the same votes,
 * here two), marked as a rollback from the version in production when it was asked; its approval moves the
 * production alias back, and the audit log says so.
 */
@QuarkusTest
@TestProfile(ApprovalVotesApiTest.AdjustableRules.class)
class RollbackApiTest {

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

    private HandMadeEvaluations made;

    @BeforeEach
    void twoApprovalsNeededAndADatasetExists() {
        rules.set(2, null, true);
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "rollbacks").multiPart("labelColumn", "species")
                    .multiPart("file", "r.csv", CsvFixtures.blobs(60, 2301).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    @Test
    void anEarlierApprovedVersionIsRequestedBackWithTheSameVotesAndProductionMovesBack() {
        long earlier = made.model(datasetId);
        approveWithTwoVotes(request(earlier).getLong("id"));
        long later = made.model(datasetId);
        JsonPath forward = request(later);
        assertThat(forward.getString("rollback")).as("a version never approved moves production forward").isNull();
        approveWithTwoVotes(forward.getLong("id"));
        assertThat(ProductionAlias.ofTeamA()).isEqualTo(later);

        JsonPath back = request(earlier);
        long id = back.getLong("id");
        assertThat(back.getLong("rollbackFromVersionId")).isEqualTo(later);
        assertThat(back.getString("rollback")).isEqualTo("rollback from " + forward.getString("modelVersion")
                + " to " + back.getString("modelVersion"));
        assertThat(back.getInt("requiredApprovals")).isEqualTo(2);

        vote("carol", id).then().statusCode(200);
        assertThat(ProductionAlias.ofTeamA()).as("one vote of two moves nothing back").isEqualTo(later);
        JsonPath decided = vote("frank", id).then().statusCode(200).extract().jsonPath();
        assertThat(decided.getString("state")).isEqualTo("APPROVED");
        assertThat(decided.getString("rollback")).as("still reads as a rollback once decided")
                .isEqualTo(back.getString("rollback"));
        assertThat(ProductionAlias.ofTeamA()).isEqualTo(earlier);

        assertThat(entry(AuditAction.APPROVAL_REQUEST, id).details).contains(back.getString("rollback"));
        assertThat(entry(AuditAction.APPROVAL_APPROVE, id).details).contains(back.getString("rollback"));
        assertThat(audit.count("action = ?1 and objectId = ?2 and outcome = ?3", AuditAction.MODEL_ALIAS.storedName(),
                Long.toString(earlier), AuditLog.SUCCESS)).as("production moved to it, then back to it").isEqualTo(2);
    }

    @Test
    void requestingTheVersionAlreadyInProductionIsNoRollback() {
        long version = made.model(datasetId);
        approveWithTwoVotes(request(version).getLong("id"));

        JsonPath again = request(version);

        assertThat(again.getString("rollback")).isNull();
        assertThat(again.getString("rollbackFromVersionId")).isNull();
    }

    private static JsonPath request(long model) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model, "comment", "back"))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath();
    }

    private static void approveWithTwoVotes(long request) {
        vote("carol", request).then().statusCode(200);
        vote("frank", request).then().statusCode(200);
    }

    private static io.restassured.response.Response vote(String reviewer, long request) {
        return as(reviewer).contentType(ContentType.JSON).body(Map.of("approve", true, "comment", "fine"))
                .post("/api/approvals/{id}/decision", request);
    }

    private AuditEntry entry(AuditAction action, long request) {
        return audit.find("action = ?1 and objectId = ?2 and outcome = ?3", action.storedName(),
                Long.toString(request), AuditLog.SUCCESS).singleResult();
    }
}
