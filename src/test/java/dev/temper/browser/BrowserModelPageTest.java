package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.Json;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.Submissions;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A model version's page in a real browser: alice follows the link from the models list to a fine-tuned, evaluated
 * and approved version and finds its lineage graph, strategy, evaluations, history chart, approvals and frozen card;
 * dana (viewer) reads the same page; bob of team-b learns nothing of it. The page's screenshot goes to the docs.
 */
@QuarkusTest
class BrowserModelPageTest {

    @TestHTTPResource("/")
    URL root;
    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;

    private HandMadeEvaluations made;

    @AfterEach
    void endJobs() {
        if (made != null) {
            made.endAll();
        }
    }

    @Test
    void aliceReadsAVersionsPageDanaTooBobNothing() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        made = new HandMadeEvaluations(jobs, models, datasets);
        JsonPath dataset = as("alice").multiPart("name", "page-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "p.csv", CsvFixtures.blobs(120, 9046).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
        long datasetId = dataset.getLong("id");
        int testCount = dataset.getInt("testCount");
        long base = made.model(datasetId);
        evaluate(base, datasetId, Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION).withCounts(
                testCount * 9 / 10, testCount / 5));
        long model = made.model(datasetId);
        QuarkusTransaction.requiringNew().run(() -> models.findById(model).baseVersion = models.findById(base));
        evaluate(model, datasetId, Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION));
        long request = as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model,
                        "intendedUse", "Sorting flowers in the greenhouse demo."))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
        as("carol").contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/approvals/{id}/decision", request).then().statusCode(200);
        String name = as("alice").get("/api/models/{id}", model).then().extract().jsonPath().getString("name");

        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            // Straight to the page: the models grid sorts by name, and in the suite's shared database this random
            // name may sit far below the rows the lazy grid has rendered.
            alice.open("/models/" + model);
            alice.until(() -> alice.currentPath().equals("/models/" + model) && alice.text("model-title").contains(name));

            // The dataset feeds both jobs: drawn beside each, so 2 datasets, 2 jobs, 2 versions.
            assertThat(alice.count(By.cssSelector("#model-lineage svg a"))).isEqualTo(6);
            assertThat(alice.count(By.cssSelector("#model-lineage svg a[href='models/" + base + "']"))).isEqualTo(1);
            assertThat(alice.text("model-aliases")).contains("production");
            assertThat(alice.text("model-strategy")).contains("Adversarial training: none");
            alice.until(() -> alice.text("model-evaluations-grid").contains("page-blobs v1"));
            // Clean accuracy with its interval, e.g. "75.0% (63.8%–83.6%)".
            assertThat(alice.text("model-evaluations-grid")).containsPattern("\\d+\\.\\d% \\(\\d+\\.\\d%–")
                    .doesNotContain("unreliable");
            alice.until(() -> alice.text("model-approvals-grid").contains("APPROVED"));
            assertThat(alice.text("model-approvals-grid")).contains("Sorting flowers in the greenhouse demo.");
            assertThat(alice.text("model-card-state")).contains("Frozen at approval");
            assertThat(alice.text("model-card-text")).contains("Sorting flowers", "Compared with the base model");
            assertThat(alice.count(By.id("model-history-chart"))).isEqualTo(1);
            assertThat(alice.count(By.id("model-archive-download"))).isEqualTo(1);
            assertThat(alice.count(By.id("model-card-download"))).isEqualTo(1);
            DocScreenshots.take(alice, "model-page");
        }
        try (Browser dana = new Browser(baseUrl)) {
            dana.signIn("dana");
            dana.open("/models/" + model);
            dana.until(() -> dana.text("model-title").contains(name));
            assertThat(dana.text("model-card-state")).contains("Frozen at approval");
            assertThat(dana.count(By.cssSelector("[id^=request-approval-]"))).isZero();
        }
        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/models/" + model);
            assertThat(bob.text("model-missing")).contains("does not exist");
            assertThat(bob.textOf(By.tagName("body"))).doesNotContain(name).doesNotContain("page-blobs");
        }
    }

    private void evaluate(long model, long datasetId, Submissions report) {
        Attempt attempt = made.evaluation(model, datasetId);
        given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                .body(Json.write(report.build()))
                .post(WorkerProtocol.jobPath(attempt.jobId()) + WorkerProtocol.EVALUATION_PATH).then().statusCode(204);
    }
}
