package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A reviewer opens the approvals page and reads a request's gates from its evidence; the failing gate is named
 * and the Approve button is disabled. The page's screenshot goes to the docs.
 */
@QuarkusTest
class BrowserApprovalGatesTest {

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
    EntityManager em;

    private HandMadeEvaluations made;

    @AfterEach
    void noPolicyIsLeft() {
        if (made != null) {
            made.endAll();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update approval_request set policy_id = null where team = 'team-a'").executeUpdate();
            em.createNativeQuery("delete from gate_policy where team = 'team-a'").executeUpdate();
        });
    }

    @Test
    void aReviewerSeesTheGatesAndAFailingGateDisablesApprove() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        made = new HandMadeEvaluations(jobs, models, datasets);
        RecordedEvaluations recorded = new RecordedEvaluations(made, evaluations);
        JsonPath dataset = as("alice").multiPart("name", "gate-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "g.csv", CsvFixtures.blobs(120, 77).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
        long datasetId = dataset.getLong("id");
        int n = dataset.getInt("testCount");
        long model = made.model(datasetId);
        long evaluation = recorded.record(model, datasetId, RecordedEvaluations.report(n, n, n - 1, n / 2), 3);
        long benchmark = QuarkusTransaction.requiringNew().call(() -> evaluations.findById(evaluation).benchmarkId);
        as("erin").contentType(ContentType.JSON).body(Map.of("name", "release gates", "benchmarkId", benchmark,
                "minCleanLower", 0.99, "maxEce", 0.1, "blockRegression", false))
                .put("/api/policies/team-a").then().statusCode(200);
        long request = as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");

        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        try (Browser carol = new Browser(baseUrl)) {
            carol.signIn("carol");
            carol.open("/approvals");
            carol.until(() -> carol.count(org.openqa.selenium.By.id("gates-" + request)) > 0);
            String gates = carol.text("gates-" + request);
            assertThat(gates).contains("Evaluation " + evaluation, "fail clean-accuracy", "pass calibration",
                    "pass reliability");
            assertThat(carol.byId("approve-" + request).getAttribute("disabled")).isNotNull();
            assertThat(carol.byId("reject-" + request).getAttribute("disabled")).isNull();
            assertThat(carol.text("approval-blocked-" + request)).contains("A failing gate blocks approval: "
                    + "clean-accuracy");
            DocScreenshots.take(carol, "approval-gates");
        }
    }
}
