package dev.temper.journey;

import static dev.temper.testsupport.Api.as;
import static dev.temper.testsupport.Jobs.awaitFinished;
import static dev.temper.testsupport.Jobs.strategy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole journey through the REST API with real Keycloak tokens, real PostgreSQL and real
 * TensorFlow workers: register data, pre-train a base, fine-tune it with FGSM, read the leaderboard,
 * get it approved by a second person, and find every step in the audit trail.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyApiTest {

    private static long datasetId;
    private static long baseVersionId;
    private static long fineTunedVersionId;
    private static long fineTuneJobId;
    private static long approvalId;

    @Test
    @Order(1)
    void aliceRegistersADatasetAsAnImmutableVersion() {
        JsonPath dataset = upload("alice", "journey-blobs", "species", CsvFixtures.blobs(600, 11))
                .statusCode(201).contentType(ContentType.JSON).extract().jsonPath();
        datasetId = dataset.getLong("id");
        assertThat(dataset.getString("team")).isEqualTo("team-a");
        assertThat(dataset.getString("sha256")).hasSize(64);
        assertThat(dataset.getInt("rowCount")).isEqualTo(600);
        assertThat(dataset.getMap("classCounts")).containsEntry("alpha", 200).containsEntry("beta", 200)
                .containsEntry("gamma", 200);
        assertThat(dataset.getInt("trainCount") + dataset.getInt("validationCount") + dataset.getInt("testCount"))
                .isEqualTo(600);
        assertThat(dataset.getInt("testCount")).isEqualTo(90);

        // The same content again is recognised, not stored twice.
        upload("alice", "journey-blobs", "species", CsvFixtures.blobs(600, 11))
                .statusCode(200).body("id", equalTo((int) datasetId)).body("reused", equalTo(true));
    }

    @Test
    @Order(2)
    void aMalformedFileGetsAClearErrorAndLeavesNothingBehind() {
        int before = as("alice").get("/api/datasets").then().statusCode(200).extract().jsonPath().getInt("total");
        long filesBefore = storedFiles();
        upload("alice", "broken", "species", "f0,f1,species\n1.0,2.0,alpha\n1.5,oops,beta\n")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Line 3, column 'f1': 'oops' is not a number"));
        upload("alice", "ragged", "species", "f0,f1,species\n1.0,2.0,alpha\n1.5,beta\n")
                .statusCode(400).body("detail", containsString("Line 3 has 2 cells, the header has 3"));
        upload("alice", "nolabel", "class", "f0,f1,species\n1.0,2.0,alpha\n")
                .statusCode(400).body("detail", containsString("The header has no label column 'class'"));
        upload("alice", "empty", "species", "")
                .statusCode(400).body("detail", containsString("The file is empty"));
        assertThat(as("alice").get("/api/datasets").then().extract().jsonPath().getInt("total")).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    private static long storedFiles() {
        Path store = Path.of("target", "test-artifacts");
        if (!Files.exists(store)) {
            return 0;
        }
        try (var files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(3)
    void thePlatformPretrainsABaseModel() {
        long jobId = submit("alice", Map.of("kind", "PRETRAIN", "modelName", "journey-base",
                "datasetVersionId", datasetId, "architecture", Map.of("type", "MLP", "hiddenWidths", List.of(32, 16)),
                "strategy", strategy(12, 0.01, 0, false, 0.0)));
        JsonPath job = awaitFinished("alice", jobId);
        assertThat(job.getString("state")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        baseVersionId = job.getLong("resultModelVersionId");

        List<Map<String, Object>> metrics = as("alice").get("/api/jobs/{id}/metrics", jobId).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(metrics).hasSize(12);
        assertThat((Float) metrics.get(11).get("validationAccuracy")).isGreaterThan(0.6f);
        assertThat((Float) metrics.get(11).get("trainLoss")).isLessThan((Float) metrics.get(0).get("trainLoss"));
    }

    @Test
    @Order(4)
    void aliceFineTunesTheBaseWithFgsmAdversarialTraining() {
        fineTuneJobId = submit("alice", Map.of("kind", "FINETUNE", "modelName", "journey-robust",
                "datasetVersionId", datasetId, "baseModelVersionId", baseVersionId,
                "strategy", strategy(8, 0.005, 1, true, 0.1)));
        JsonPath job = awaitFinished("alice", fineTuneJobId);
        assertThat(job.getString("state")).as(job.getString("message")).isEqualTo("SUCCEEDED");
        fineTunedVersionId = job.getLong("resultModelVersionId");

        as("alice").get("/api/models/{id}", fineTunedVersionId).then().statusCode(200)
                .body("baseVersionId", equalTo((int) baseVersionId))
                .body("datasetVersionId", equalTo((int) datasetId))
                .body("jobId", equalTo((int) fineTuneJobId))
                .body("settings", containsString("\"method\":\"FGSM\""))
                .body("settings", containsString("\"firstLayers\":1"))
                .body("manifest", containsString("\"alpha\", \"beta\", \"gamma\""))
                .body("sha256.length()", equalTo(64));
    }

    @Test
    @Order(5)
    void evaluationsPutBaseAndFineTunedSideBySideOnTheLeaderboard() {
        await().atMost(Jobs.TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() ->
                as("alice").get("/api/leaderboards/{id}", datasetId).then().extract().jsonPath().getList("items").size() == 2);
        JsonPath board = as("alice").get("/api/leaderboards/{id}", datasetId).then().statusCode(200).extract().jsonPath();
        assertThat(board.getList("items.modelVersionId", Integer.class))
                .containsExactlyInAnyOrder((int) baseVersionId, (int) fineTunedVersionId);
        for (int row = 0; row < 2; row++) {
            String at = "items[" + row + "]";
            float clean = board.getFloat(at + ".cleanAccuracy");
            assertThat(clean).isGreaterThan(0.5f);
            assertThat(board.getFloat(at + ".cleanLower")).isLessThan(clean);
            assertThat(board.getFloat(at + ".cleanUpper")).isGreaterThanOrEqualTo(clean);
            assertThat(board.getFloat(at + ".expectedCalibrationError")).isBetween(0f, 1f);
            Map<String, Float> robust = board.getMap(at + ".robustAccuracy");
            assertThat(robust).containsOnlyKeys("0.1", "0.3");
            assertThat(robust.get("0.3")).isLessThanOrEqualTo(robust.get("0.1")).isLessThanOrEqualTo(clean);
            // The worst case per example is never better than any single attack.
            // Attack names are the engine suite's own; the server treats them as data.
            Map<String, Map<String, Float>> byAttack = board.getMap(at + ".accuracyByAttack");
            assertThat(byAttack).isNotEmpty();
            byAttack.values().forEach(curve -> assertThat(curve.get("0.3")).isGreaterThanOrEqualTo(robust.get("0.3")));
            assertThat(board.getInt(at + ".examples")).isEqualTo(90);
            // Both models were trained on this very version: nothing to exclude, said so.
            assertThat(board.getString(at + ".overlapCheck")).isEqualTo("SAME_VERSION");
            assertThat(board.getInt(at + ".excludedOverlap")).isZero();
            assertThat(board.getString(at + ".epsilonUnit")).isEqualTo("TRAIN_STD");
            assertThat(board.getFloat(at + ".worstCase.'0.3'.lower")).isLessThanOrEqualTo(robust.get("0.3"));
            assertThat(board.getFloat(at + ".worstCase.'0.3'.upper")).isGreaterThanOrEqualTo(robust.get("0.3"));
            assertThat(board.getBoolean(at + ".reliable")).isEqualTo(board.getList(at + ".reliabilityFlags").isEmpty());
            assertThat(board.getString(at + ".perExampleSha256")).hasSize(64);
        }
        List<Map<String, Object>> jobs = as("alice").queryParam("kind", "EVALUATE").queryParam("size", 500)
                .get("/api/jobs").then().statusCode(200).extract().jsonPath().getList("items");
        // Only this journey's jobs: other classes share the database and cancel hand-made jobs on purpose.
        assertThat(jobs).filteredOn(j -> "EVALUATE".equals(j.get("kind"))
                        && String.valueOf(j.get("datasetVersion")).startsWith("journey-"))
                .isNotEmpty().allMatch(j -> "SUCCEEDED".equals(j.get("state")));
    }

    @Test
    @Order(6)
    void aReviewerOtherThanTheRequesterApprovesForProduction() {
        approvalId = as("alice").contentType(ContentType.JSON)
                .body(Map.of("modelVersionId", fineTunedVersionId, "comment", "FGSM-hardened, please ship"))
                .post("/api/approvals").then().statusCode(201).body("state", equalTo("OPEN"))
                .extract().jsonPath().getLong("id");

        decide("alice", approvalId, true, "looks fine to me").statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("Only a reviewer"));
        decide("dana", approvalId, true, "viewer tries").statusCode(403);
        decide("bob", approvalId, true, "other team tries").statusCode(404);
        decide("carol", approvalId, true, "Robust accuracy holds up; approved").statusCode(200)
                .body("state", equalTo("APPROVED")).body("decidedBy", equalTo("carol"));
        decide("carol", approvalId, false, "changed my mind").statusCode(409)
                .body("detail", containsString("already APPROVED (by carol"));

        as("dana").get("/api/models/aliases").then().statusCode(200)
                .body("find { it.alias == 'production' }.modelVersionId", equalTo((int) fineTunedVersionId))
                .body("find { it.alias == 'production' }.team", equalTo("team-a"));
    }

    @Test
    @Order(7)
    void everyStepIsInTheAuditTrailThatOnlyAdminsRead() {
        JsonPath audit = as("erin").get("/api/audit?size=500").then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("items.action");
        assertThat(actions).contains("dataset.register", "job.submit", "job.start", "job.succeeded", "model.register",
                "evaluation.record", "approval.request", "approval.approve", "model.alias", "approval.decide");
        assertThat(audit.getList("items.findAll { it.action == 'approval.decide' }.outcome")).containsOnly("DENIED");
        // This journey's approval (other tests' approvals, by frank say, share the trail).
        assertThat(audit.getList("items.findAll { it.action == 'approval.approve' && it.objectId == '" + approvalId
                + "' }.actor")).containsExactly("carol");
        as("erin").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));

        as("alice").get("/api/audit").then().statusCode(403).contentType("application/problem+json");
        as("carol").get("/api/audit").then().statusCode(403);
        as("bob").get("/api/audit").then().statusCode(403);
    }

    @Test
    @Order(8)
    void bobOfTeamBSeesNoneOfTeamAsData() {
        as("bob").get("/api/datasets?archived=true&size=500").then().statusCode(200)
                .body("items.id", not(hasItem((int) datasetId))).body("items.team", everyItem(equalTo("team-b")));
        as("bob").get("/api/datasets/{id}", datasetId).then().statusCode(404).contentType("application/problem+json");
        as("bob").get("/api/models?size=500").then().statusCode(200)
                .body("items.id", not(hasItem((int) baseVersionId))).body("items.team", everyItem(equalTo("team-b")));
        as("bob").get("/api/models/{id}", fineTunedVersionId).then().statusCode(404);
        as("bob").get("/api/models/aliases").then().statusCode(200).body("team", not(hasItem("team-a")));
        as("bob").get("/api/jobs?size=500").then().statusCode(200)
                .body("items.id", not(hasItem((int) fineTuneJobId))).body("items.team", everyItem(equalTo("team-b")));
        as("bob").get("/api/jobs/{id}", fineTuneJobId).then().statusCode(404);
        as("bob").get("/api/jobs/{id}/metrics", fineTuneJobId).then().statusCode(404);
        as("bob").get("/api/leaderboards/{id}", datasetId).then().statusCode(200).body("items", Matchers.empty())
                .body("total", Matchers.equalTo(0));
        // bob's own rows may be there (other tests train for team-b); none of team-a's.
        as("bob").get("/api/leaderboards?size=500").then().statusCode(200)
                .body("items.datasetVersionId", not(hasItem((int) datasetId)))
                .body("items.modelVersionId", not(hasItem((int) fineTunedVersionId)));
        as("bob").get("/api/approvals?size=500").then().statusCode(200)
                .body("items.id", not(hasItem((int) approvalId))).body("items.team", everyItem(equalTo("team-b")));
        as("bob").get("/api/approvals/{id}", approvalId).then().statusCode(404);
        // bob cannot train on team-a's data either.
        as("bob").contentType(ContentType.JSON).body(Map.of("kind", "FINETUNE", "modelName", "stolen",
                        "datasetVersionId", datasetId, "baseModelVersionId", baseVersionId,
                        "strategy", strategy(1, 0.01, 0, false, 0.0)))
                .post("/api/jobs").then().statusCode(404);
    }

    @Test
    @Order(9)
    void danaTheViewerReadsButCannotChangeAnything() {
        as("dana").get("/api/datasets?name=journey-blobs").then().statusCode(200)
                .body("items.id", hasItem((int) datasetId));
        as("dana").get("/api/jobs/{id}", fineTuneJobId).then().statusCode(200);
        as("dana").get("/api/leaderboards/{id}", datasetId).then().statusCode(200);
        upload("dana", "dana-data", "species", CsvFixtures.blobs(30, 3)).statusCode(403)
                .contentType("application/problem+json");
        as("dana").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", "dana-model",
                        "datasetVersionId", datasetId, "strategy", strategy(1, 0.01, 0, false, 0.0)))
                .post("/api/jobs").then().statusCode(403);
        as("dana").contentType(ContentType.JSON).body(Map.of("modelVersionId", fineTunedVersionId))
                .post("/api/approvals").then().statusCode(403);
    }

    @Test
    @Order(11)
    void theApiDescribesItselfAsOpenApi() {
        // Public on purpose: it documents the API's shape, not anyone's data.
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/jobs")).body(containsString("/api/datasets"))
                .body(containsString("/api/approvals/{id}/decision"));
    }

    @Test
    @Order(10)
    void requestsWithoutATokenAreRefused() {
        given().get("/api/datasets").then().statusCode(401);
        given().get("/api/jobs").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/models").then().statusCode(401);
        given().header("X-Temper-Job-Token", "guess").get("/api/worker/jobs/{id}/spec", fineTuneJobId)
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse upload(String user, String name, String labelColumn,
            String csv) {
        return as(user).multiPart("name", name).multiPart("labelColumn", labelColumn)
                .multiPart("file", name + ".csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then();
    }

    private static long submit(String user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/jobs").then().statusCode(201)
                .body("state", equalTo("QUEUED")).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse decide(String user, long id, boolean approve,
            String comment) {
        return as(user).contentType(ContentType.JSON).body(Map.of("approve", approve, "comment", comment))
                .post("/api/approvals/{id}/decision", id).then();
    }
}
