package dev.temper.approval.policy;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.approval.ApprovalRepository;
import dev.temper.approval.ApprovalRules;
import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.audit.AuditRepository;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.evaluation.EvaluationRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.RecordedEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team-a's gate policy over /api/policies/team-a and the gates at work on /api/approvals: evidence captured at
 * request time, a failing gate or changed evidence blocking approval, a version without an evaluation on the
 * benchmark refused. Each test starts with no policy (policies are removed after each, so other tests' requests
 * are not gated by this one's).
 */
@QuarkusTest
class GatePolicyApiTest {

    private static long datasetId;
    private static int n;
    private static long benchmarkId;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    EvaluationRepository evaluations;
    @Inject
    ApprovalRepository requests;
    @Inject
    AuditRepository audit;
    @Inject
    ApprovalRules rules;
    @Inject
    EntityManager em;

    private HandMadeEvaluations made;
    private RecordedEvaluations recorded;

    @BeforeEach
    void aBenchmarkExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        recorded = new RecordedEvaluations(made, evaluations);
        if (datasetId == 0) {
            JsonPath dataset = as("alice").multiPart("name", "gates").multiPart("labelColumn", "species")
                    .multiPart("file", "g.csv", CsvFixtures.blobs(200, 12).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath();
            datasetId = dataset.getLong("id");
            n = dataset.getInt("testCount");
            long first = evaluate(made.model(datasetId), n - 1);
            benchmarkId = QuarkusTransaction.requiringNew().call(() -> evaluations.findById(first).benchmarkId);
        }
    }

    @AfterEach
    void noPolicyIsLeft() {
        made.endAll();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update approval_request set policy_id = null where team = 'team-a'").executeUpdate();
            em.createNativeQuery("delete from gate_policy where team = 'team-a'").executeUpdate();
        });
    }

    @Test
    void adminsWriteVersionsMembersReadThemOthersAreToldNothing() {
        as("erin").get("/api/policies/team-a").then().statusCode(404).contentType("application/problem+json");
        assertThat(rules.requiredApprovals("team-a")).as("the default before any policy").isEqualTo(1);
        assertThat(rules.requestLifetime("team-a")).isEmpty();
        assertThat(rules.separatesDuties("team-a")).isTrue();

        long first = put(policy(Map.of("minCleanLower", 0.5))).then().statusCode(200).body("version", equalTo(1))
                .extract().jsonPath().getLong("id");
        Map<String, Object> second = policy(Map.of("minCleanLower", 0.6, "requiredApprovals", 2, "expiryDays", 30,
                "separatesDuties", false));
        put(second).then().statusCode(200).body("version", equalTo(2)).body("minCleanLower", equalTo(0.6f));

        for (String member : List.of("alice", "carol", "dana", "erin")) {
            as(member).get("/api/policies/team-a").then().statusCode(200).body("version", equalTo(2));
        }
        as("dana").get("/api/policies/team-a/versions").then().statusCode(200).body("total", equalTo(2))
                .body("items[1].id", equalTo((int) first));
        as("bob").get("/api/policies/team-a").then().statusCode(404).contentType("application/problem+json");
        as("bob").get("/api/policies/team-a/versions").then().statusCode(404);
        as("bob").contentType(ContentType.JSON).body(second).put("/api/policies/team-a").then().statusCode(404);
        for (String notAdmin : List.of("alice", "carol", "dana")) {
            as(notAdmin).contentType(ContentType.JSON).body(second).put("/api/policies/team-a").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        assertThat(audit.count("action = ?1 and outcome = ?2 and team = ?3", AuditAction.GATE_POLICY_UPDATE
                .storedName(), AuditLog.DENIED, "team-a")).isGreaterThanOrEqualTo(3);
        assertThat(audit.find("action = ?1 and outcome = ?2 and team = ?3 order by id desc",
                AuditAction.GATE_POLICY_UPDATE.storedName(), AuditLog.SUCCESS, "team-a").firstResult().details)
                .contains("version 1 (id " + first + ") -> 2");

        // The approval rules follow the current version.
        assertThat(rules.requiredApprovals("team-a")).isEqualTo(2);
        assertThat(rules.requestLifetime("team-a")).contains(Duration.ofDays(30));
        assertThat(rules.separatesDuties("team-a")).isFalse();
    }

    @Test
    void anEditOutOfBoundsIsRefusedWithTheFieldNamedAndWritesNothing() {
        put(policy(Map.of())).then().statusCode(200);
        refused(Map.of("minCleanLower", 1.5), "minCleanLower: a fraction from 0 to 1");
        refused(Map.of("maxEce", -0.1), "maxEce: a fraction from 0 to 1");
        refused(Map.of("minRobustAccuracy", 0.5, "robustEpsilon", 0.3), "robustEpsilon: 0.3 is not one of");
        refused(Map.of("minRobustAccuracy", 0.5), "give both or neither");
        refused(Map.of("requiredApprovals", 4), "requiredApprovals: 1 to 3");
        refused(Map.of("requiredApprovals", 0), "requiredApprovals: 1 to 3");
        refused(Map.of("expiryDays", 366), "expiryDays: 1 to 365");
        refused(Map.of("name", " "), "name: 1 to 120 characters");
        put(policy(Map.of("benchmarkId", 999_999_999))).then().statusCode(404)
                .contentType("application/problem+json");
        as("erin").get("/api/policies/team-a/versions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anEditMadeFromAVersionNoLongerCurrentIsRefusedAndWritesNothing() {
        put(policy(Map.of("expectedVersion", 0))).then().statusCode(200).body("version", equalTo(1));
        put(policy(Map.of("minCleanLower", 0.6, "expectedVersion", 1))).then().statusCode(200)
                .body("version", equalTo(2));

        // A second admin's form still shows version 1.
        put(policy(Map.of("minCleanLower", 0.7, "expectedVersion", 1))).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("is at version 2 (saved by erin at"))
                .body("detail", containsString("not 1 as this edit expected"));
        put(policy(Map.of("expectedVersion", 0))).then().statusCode(409);

        as("erin").get("/api/policies/team-a").then().statusCode(200).body("version", equalTo(2))
                .body("minCleanLower", equalTo(0.6f));
        as("erin").get("/api/policies/team-a/versions").then().statusCode(200).body("total", equalTo(2));
        assertThat(audit.count("action = ?1 and outcome = ?2 and team = ?3 and details like ?4",
                AuditAction.GATE_POLICY_UPDATE.storedName(), AuditLog.DENIED, "team-a",
                "%not 1 as this edit expected%")).isPositive();
    }

    @Test
    void editsSavedAtOnceNeverShareAVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> saves = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                double threshold = 0.1 * (i + 1);
                saves.add(pool.submit(() -> {
                    start.await();
                    return put(policy(Map.of("minCleanLower", threshold))).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> save : saves) {
                statuses.add(save.get());
            }
            assertThat(statuses).containsAnyOf(200).allMatch(s -> s == 200 || s == 409);
            long saved = statuses.stream().filter(s -> s == 200).count();
            JsonPath versions = as("erin").get("/api/policies/team-a/versions").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(versions.getList("items.version", Integer.class)).as("one row per saved edit, numbered in turn")
                    .hasSize((int) saved).doesNotHaveDuplicates().allMatch(v -> v >= 1 && v <= saved);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVersionWithNoEvaluationOnTheBenchmarkCannotBeRequested() {
        put(policy(Map.of())).then().statusCode(200);
        long model = made.model(datasetId);

        request(model).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has no completed evaluation on benchmark"));

        assertThat(requests.count("modelVersion.id", model)).as("nothing written").isZero();
        assertThat(audit.count("action = ?1 and outcome = ?2 and details like ?3",
                AuditAction.APPROVAL_REQUEST.storedName(), AuditLog.DENIED, "%has no completed evaluation%"))
                .isPositive();
    }

    @Test
    void aRequestCarriesItsEvidenceAndPassingGatesLetItBeApproved() {
        put(policy(Map.of("minCleanLower", 0.5, "minRobustAccuracy", 0.4, "robustEpsilon", 0.1, "maxEce", 0.1,
                "blockRegression", false))).then().statusCode(200);
        long model = made.model(datasetId);
        long evaluation = evaluate(model, n - 1);

        JsonPath created = request(model).then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getBoolean("evidence.intact")).isTrue();
        assertThat(created.getLong("evidence.evaluationId")).isEqualTo(evaluation);
        assertThat(created.getString("evidence.resultLink")).isEqualTo("/evaluations/" + evaluation);
        assertThat(created.getList("evidence.gates.name", String.class)).containsExactly(Gate.CLEAN_ACCURACY,
                Gate.ROBUST_ACCURACY, Gate.CALIBRATION, Gate.RELIABILITY, Gate.SUITE);
        assertThat(created.getList("evidence.gates.passed", Boolean.class)).containsOnly(true);
        assertThat(created.getDouble("evidence.gates[2].measured")).isEqualTo(0.05);
        assertThat(created.getList("evidence.failingGates")).isEmpty();
        String sha = created.getString("evidence.sha256");
        assertThat(audit.find("action = ?1 and objectId = ?2", AuditAction.APPROVAL_REQUEST.storedName(),
                Long.toString(id)).firstResult().details).contains("evidence sha256 " + sha);

        decide(id, true).then().statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void aFailingGateBlocksApprovalButNotRejection() {
        put(policy(Map.of("minCleanLower", 0.99, "blockRegression", false))).then().statusCode(200);
        long model = made.model(datasetId);
        evaluate(model, n - 1);

        JsonPath created = request(model).then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getList("evidence.failingGates")).containsExactly(Gate.CLEAN_ACCURACY);
        assertThat(created.getString("evidence.gates[0].detail")).contains("< 0.99");

        decide(id, true).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("A failing gate blocks approval: clean-accuracy"));
        assertThat(audit.count("action = ?1 and objectId = ?2 and outcome = ?3", AuditAction.APPROVAL_DECIDE
                .storedName(), Long.toString(id), AuditLog.DENIED)).isEqualTo(1);
        as("carol").get("/api/approvals/{id}", id).then().body("state", equalTo("OPEN"));
        decide(id, false).then().statusCode(200).body("state", equalTo("REJECTED"));
    }

    @Test
    void aSignificantRegressionAgainstProductionBlocksAndARollbackMeetsTheSameGates() {
        put(policy(Map.of("blockRegression", false))).then().statusCode(200);
        long good = made.model(datasetId);
        long goodEvaluation = evaluate(good, n - 1);
        approve(good);
        put(policy(Map.of("blockRegression", true))).then().statusCode(200);

        long worse = made.model(datasetId);
        long worseEvaluation = evaluate(worse, n / 2);
        JsonPath blocked = request(worse).then().statusCode(201).extract().jsonPath();
        assertThat(blocked.getList("evidence.failingGates")).containsExactly(Gate.NO_REGRESSION);
        assertThat(blocked.getLong("evidence.regression.productionEvaluationId")).isEqualTo(goodEvaluation);
        assertThat(blocked.getInt("evidence.regression.tests[0].onlyProduction")).isEqualTo(n - 1 - n / 2);
        assertThat(blocked.getString("evidence.gates.find { it.name == 'no-regression' }.link"))
                .isEqualTo("/comparisons?left=" + worseEvaluation + "&right=" + goodEvaluation);
        decide(blocked.getLong("id"), true).then().statusCode(409)
                .body("detail", containsString("no-regression"));
        decide(blocked.getLong("id"), false).then().statusCode(200);

        long best = made.model(datasetId);
        evaluate(best, n);
        JsonPath passing = request(best).then().statusCode(201).extract().jsonPath();
        assertThat(passing.getList("evidence.failingGates")).isEmpty();
        decide(passing.getLong("id"), true).then().statusCode(200);

        // Rolling back to the earlier approved version is a request like any other: it is worse than production.
        JsonPath rollback = request(good).then().statusCode(201).extract().jsonPath();
        assertThat(rollback.getString("evidence.regression.productionVersion")).isNotNull();
        assertThat(rollback.getLong("rollbackFromVersionId")).isEqualTo(best);
        assertThat(rollback.getString("rollback")).startsWith("rollback from ");
        assertThat(rollback.getBoolean("evidence.gates.find { it.name == 'no-regression' }.passed"))
                .as("1 example lost of " + n + " is not significant").isTrue();
        decide(rollback.getLong("id"), true).then().statusCode(200);
    }

    @Test
    void evidenceChangedInTheDatabaseIsReportedAndCannotBeApproved() {
        put(policy(Map.of("minCleanLower", 0.99, "blockRegression", false))).then().statusCode(200);
        long model = made.model(datasetId);
        evaluate(model, n - 1);
        long id = request(model).then().statusCode(201).extract().jsonPath().getLong("id");

        // Someone with database access turns the failing gate into a passing one.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update approval_request set evidence_json"
                + " = replace(evidence_json, '\"passed\":false', '\"passed\":true') where id = ?1")
                .setParameter(1, id).executeUpdate());

        JsonPath read = as("carol").get("/api/approvals/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getBoolean("evidence.intact")).isFalse();
        assertThat(read.getList("evidence.failingGates")).as("the changed text itself claims a pass").isEmpty();
        decide(id, true).then().statusCode(409).body("detail", containsString("no longer matches the SHA-256"));
    }

    private long evaluate(long model, int cleanRight) {
        return recorded.record(model, datasetId, RecordedEvaluations.report(n, n, cleanRight, n / 2), 3);
    }

    private void approve(long model) {
        long id = request(model).then().statusCode(201).extract().jsonPath().getLong("id");
        decide(id, true).then().statusCode(200);
    }

    private static Map<String, Object> policy(Map<String, Object> changes) {
        Map<String, Object> policy = new HashMap<>(Map.of("name", "release gates", "benchmarkId", benchmarkId));
        policy.putAll(changes);
        return policy;
    }

    private static io.restassured.response.Response put(Map<String, Object> policy) {
        return as("erin").contentType(ContentType.JSON).body(policy).put("/api/policies/team-a");
    }

    private static void refused(Map<String, Object> changes, String because) {
        put(policy(changes)).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(because));
    }

    private static io.restassured.response.Response request(long model) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                .post("/api/approvals");
    }

    private static io.restassured.response.Response decide(long id, boolean approve) {
        return as("carol").contentType(ContentType.JSON).body(Map.of("approve", approve, "comment", "gates"))
                .post("/api/approvals/{id}/decision", id);
    }
}
