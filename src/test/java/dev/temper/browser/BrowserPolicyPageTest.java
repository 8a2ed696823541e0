package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Team-a's gate policy page (an admin saves versions, a concurrent save is reported, a viewer only reads), and a
 * policy asking for two approvals at work on the approvals page: carol's approval leaves the request open, frank's
 * completes it. Screenshots of both go to the docs.
 */
@QuarkusTest
class BrowserPolicyPageTest {

    @TestHTTPResource("/")
    URL root;
    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    EvaluationRepository evaluations;
    @Inject
    AuditRepository audit;
    @Inject
    EntityManager em;

    private HandMadeEvaluations made;
    private long datasetId;
    private int n;
    private long benchmark;
    private long evaluatedModel;

    @BeforeEach
    void noPolicyAndABenchmarkWithOneEvaluation() {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        removePolicies();
        made = new HandMadeEvaluations(jobs, models, datasets);
        JsonPath dataset = as("alice").multiPart("name", "policy-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "p.csv", CsvFixtures.blobs(120, 91).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().extract().jsonPath();
        datasetId = dataset.getLong("id");
        n = dataset.getInt("testCount");
        evaluatedModel = made.model(datasetId);
        long evaluation = evaluate(evaluatedModel);
        benchmark = QuarkusTransaction.requiringNew().call(() -> evaluations.findById(evaluation).benchmarkId);
    }

    @AfterEach
    void noPolicyIsLeft() {
        if (made != null) {
            made.endAll();
        }
        removePolicies();
    }

    @Test
    void anAdminSavesVersionsAndIsToldOfAConcurrentSaveWhileAViewerOnlyReads() throws Exception {
        String benchmarkName = as("erin").get("/api/benchmarks/{id}", benchmark).then().statusCode(200).extract()
                .jsonPath().getString("name");
        try (Browser erin = open()) {
            erin.signIn("erin");
            erin.open("/policies?team=team-a");
            assertThat(erin.text("main-menu")).contains("Gate policies");
            erin.until(() -> erin.text("policy-current").contains("No policy yet"));

            erin.type("policy-name", "release gates");
            erin.choose("policy-benchmark", benchmarkName + " (#" + benchmark + ")");
            erin.type("policy-min-clean", "0.8");
            erin.type("policy-approvals", "2");
            erin.click("policy-save");
            erin.until(() -> erin.text("policy-current").contains("team-a: version 1 'release gates', saved by erin"));
            JsonPath first = as("dana").get("/api/policies/team-a").then().statusCode(200).extract().jsonPath();
            assertThat(first.getLong("benchmarkId")).isEqualTo(benchmark);
            assertThat(first.getDouble("minCleanLower")).isEqualTo(0.8);
            assertThat(first.getInt("requiredApprovals")).isEqualTo(2);
            assertThat(first.getBoolean("blockRegression")).isTrue();
            assertThat(audit.count("action = ?1 and outcome = ?2 and actor = ?3 and objectId = ?4",
                    AuditAction.GATE_POLICY_UPDATE.storedName(), AuditLog.SUCCESS, "erin", first.getString("id")))
                    .isEqualTo(1);

            // Out of bounds: the form says so and nothing is sent.
            erin.type("policy-min-clean", "1.5");
            erin.click("policy-save");
            erin.until(() -> erin.text("policy-error").contains("Correct the fields"));
            assertThat((String) erin.js("return arguments[0].errorMessage", erin.byId("policy-min-clean")))
                    .contains("A fraction from 0 to 1");

            // Someone else saves version 2 meanwhile; erin's edit of version 1 is refused, not applied over it.
            Map<String, Object> other = new HashMap<>(Map.of("name", "release gates", "benchmarkId", benchmark,
                    "minCleanLower", 0.7, "requiredApprovals", 2, "expectedVersion", 1));
            as("erin").contentType(ContentType.JSON).body(other).put("/api/policies/team-a").then().statusCode(200);
            erin.type("policy-min-clean", "0.9");
            erin.click("policy-save");
            erin.until(() -> erin.text("policy-error").contains("is at version 2"));
            as("dana").get("/api/policies/team-a").then().statusCode(200)
                    .body("version", org.hamcrest.Matchers.equalTo(2));

            erin.click("policy-reload");
            erin.until(() -> erin.text("policy-current").contains("team-a: version 2"));
            erin.until(() -> erin.text("policy-versions").contains("clean >= 0.7")
                    && erin.text("policy-versions").contains("clean >= 0.8"));
            erin.until(() -> erin.notifications().isEmpty());
            erin.js("arguments[0].scrollIntoView({block: 'end'})", erin.byId("policy-versions"));
            DocScreenshots.take(erin, "policy-page");
        }
        try (Browser dana = open()) {
            dana.signIn("dana");
            dana.open("/policies");
            assertThat(dana.text("main-menu")).contains("Gate policies");
            dana.until(() -> dana.text("policy-current").contains("team-a: version 2"));
            assertThat(dana.text("policy-read-only")).contains("Only an admin of team-a");
            assertThat(dana.count(By.cssSelector("#policy-save:not([hidden])"))).as("no Save to see").isZero();
            assertThat(dana.byId("policy-name").getAttribute("readonly")).isNotNull();
            assertThat(dana.text("policy-versions")).contains("clean >= 0.7");
        }
        try (Browser bob = open()) {
            bob.signIn("bob");
            bob.open("/policies?team=team-a");
            bob.until(() -> bob.text("policy-current").contains("team-b"));
            assertThat(bob.text("policy-versions")).doesNotContain("clean >= 0.7");
        }
    }

    @Test
    void carolsApprovalLeavesTheRequestOpenAndFranksCompletesIt() throws Exception {
        as("erin").contentType(ContentType.JSON).body(Map.of("name", "four eyes twice", "benchmarkId", benchmark,
                "requiredApprovals", 2, "blockRegression", false)).put("/api/policies/team-a").then().statusCode(200);
        long request = as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", evaluatedModel))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");

        try (Browser dana = open()) {
            dana.signIn("dana");
            dana.open("/approvals");
            dana.until(() -> dana.text("tally-" + request).contains("0 of 2"));
            assertThat(dana.count(By.id("approve-" + request))).as("a viewer is not a reviewer").isZero();
        }
        try (Browser carol = open()) {
            carol.signIn("carol");
            approve(carol, request);
            carol.until(() -> carol.text("tally-" + request).contains("1 of 2 (carol)"));
        }
        assertThat(state(request)).isEqualTo("OPEN");
        try (Browser frank = open()) {
            frank.signIn("frank");
            frank.open("/approvals");
            frank.until(() -> frank.text("tally-" + request).contains("1 of 2 (carol)"));
            frank.js("arguments[0].scrollIntoView({block: 'center', inline: 'start'})", frank.byId("tally-" + request));
            DocScreenshots.take(frank, "approval-two-approvals");
            approve(frank, request);
            frank.until(() -> frank.text("tally-" + request).contains("2 of 2 (carol, frank)"));
        }
        JsonPath decided = as("carol").get("/api/approvals/{id}", request).then().statusCode(200).extract().jsonPath();
        assertThat(decided.getString("state")).isEqualTo("APPROVED");
        assertThat(decided.getString("decidedBy")).isEqualTo("frank");
    }

    private static void approve(Browser reviewer, long request) {
        reviewer.open("/approvals");
        reviewer.click("approve-" + request);
        reviewer.type("decision-comment", "gates pass");
        reviewer.click("decision-confirm");
        reviewer.until(() -> reviewer.notifications().contains("Approved"));
    }

    private static String state(long request) {
        return as("carol").get("/api/approvals/{id}", request).then().statusCode(200).extract().jsonPath()
                .getString("state");
    }

    private long evaluate(long model) {
        RecordedEvaluations recorded = new RecordedEvaluations(made, evaluations);
        return recorded.record(model, datasetId, RecordedEvaluations.report(n, n, n - 1, n / 2), 3);
    }

    private void removePolicies() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update approval_request set policy_id = null where team = 'team-a'").executeUpdate();
            em.createNativeQuery("delete from gate_policy where team = 'team-a'").executeUpdate();
        });
    }

    private Browser open() throws Exception {
        return new Browser(root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost"));
    }
}
