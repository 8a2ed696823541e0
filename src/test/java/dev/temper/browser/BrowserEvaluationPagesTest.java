package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.evaluation.EvaluationRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.RecordedEvaluations;
import dev.temper.training.TrainingJobRepository;
import dev.temper.ui.Formats;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The result page and the paired comparison in a real browser: alice reads one evaluation's curves, reliability
 * diagram, confusion and corruption heat maps, flags and provenance, then compares it with a more robust model;
 * dana (viewer) reads both pages; bob (team-b) sees neither.
 */
@QuarkusTest
class BrowserEvaluationPagesTest {

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

    @Test
    void aliceReadsAResultAndComparesTwoModels() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        JsonPath version = as("alice").multiPart("name", "browser-evidence").multiPart("labelColumn", "species")
                .multiPart("file", "e.csv", CsvFixtures.blobs(300, 47).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
        long datasetId = version.getLong("id");
        int n = version.getInt("testCount");
        HandMadeEvaluations made = new HandMadeEvaluations(jobs, models, datasets);
        RecordedEvaluations recorded = new RecordedEvaluations(made, evaluations);
        long a;
        long b;
        try {
            a = recorded.record(datasetId, RecordedEvaluations.report(n, n, n * 4 / 5, n / 5)
                    .withFlags(List.of(new Flag("NOT_CONVERGED", "at epsilon 0.1 doubling the attack's 20 iterations "
                            + "lowered robust accuracy from 20.0% to 17.5%"))), CsvFixtures.CLASSES.length);
            b = recorded.record(datasetId, RecordedEvaluations.report(n, n, n * 9 / 10, n * 7 / 10),
                    CsvFixtures.CLASSES.length);
        } finally {
            made.endAll();
        }

        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.open("/evaluations/" + a);
            alice.until(() -> alice.text("evaluation-title").contains("on browser-evidence v1"));
            assertThat(alice.text("evaluation-summary")).contains("Clean accuracy "
                    + Formats.percent((n * 4 / 5) / (double) n), n + " test examples", "suite QUICK");
            assertThat(alice.text("evaluation-reliability")).isEqualTo("unreliable");
            String curves = (String) alice.js("return arguments[0].data", alice.byId("evaluation-curves"));
            assertThat(curves).contains("\"0 (clean)\"", "\"0.1\"", "worst case", "\"pgd\"");
            alice.until(() -> Boolean.TRUE.equals(alice.js("const c = arguments[0].shadowRoot.querySelector('canvas');"
                    + " return !!c && c.width > 0", alice.byId("evaluation-curves"))));
            assertThat(alice.text("evaluation-curve-table")).contains(Formats.percent((n / 5) / (double) n) + " (");
            assertThat(alice.text("evaluation-flags")).contains("NOT_CONVERGED", "the attack has not converged",
                    "lowered robust accuracy from 20.0% to 17.5%");
            assertThat(alice.count(By.cssSelector("#evaluation-confusion .heat-cell"))).isEqualTo(9);
            assertThat(alice.text("evaluation-confusion")).contains("alpha", "beta", "gamma");
            assertThat(alice.text("evaluation-per-class")).contains("alpha");
            assertThat(alice.count(By.cssSelector("#evaluation-corruptions .heat-cell"))).isEqualTo(2 * 7);
            assertThat((String) alice.js("return arguments[0].data", alice.byId("evaluation-reliability-diagram")))
                    .contains("mean confidence");
            assertThat(alice.text("evaluation-provenance")).contains("ab".repeat(32), "Seed: 4242", "TensorFlow: 2.18.0",
                    "Attack pgd: iterations 20, restarts 1, randomStart true");
            DocScreenshots.take(alice, "evaluation-result");
            alice.js("document.getElementById('evaluation-confusion').scrollIntoView({block: 'start'})");
            DocScreenshots.take(alice, "evaluation-result-heat-maps");

            alice.click("evaluation-compare");
            alice.until(() -> alice.text("comparison-message").contains("Pick two evaluations"));
            // A is this evaluation; B is picked among the evaluations on the same dataset version.
            alice.until(() -> String.valueOf(alice.js("return arguments[0].inputElement.value",
                    alice.byId("compare-left"))).startsWith("Evaluation " + a + ":"));
            String modelB = as("alice").get("/api/evaluations/{id}", b).then().statusCode(200).extract().jsonPath()
                    .getString("modelVersion");
            alice.choose("compare-right", "Evaluation " + b + ": " + modelB + " on browser-evidence v1, QUICK");
            alice.click("compare-submit");
            alice.until(() -> alice.currentPath().equals("/comparisons?left=" + a + "&right=" + b)
                    || alice.currentPath().equals("/comparisons?right=" + b + "&left=" + a));
            alice.until(() -> alice.text("comparison-verdicts").contains("is more robust at epsilon 0.1"));
            assertThat(alice.text("comparison-verdicts")).contains((n * 7 / 10 - n / 5) + " examples survive only under",
                    "p < 0.001", "on clean inputs");
            assertThat(alice.text("comparison-tables")).contains("Robust at ε = 0.1");
            assertThat(alice.count(By.cssSelector(".comparison-2x2 .heat-cell"))).isEqualTo(2 * 4);
            assertThat(alice.text("comparison-caveats")).contains("unreliable (NOT_CONVERGED)");
            DocScreenshots.take(alice, "evaluation-comparison");

            alice.open("/comparisons?left=" + a + "&right=" + a);
            alice.until(() -> alice.text("comparison-message").contains("Pick two different evaluations"));
            assertThat(alice.count(By.id("comparison-verdicts"))).isZero();
        }
        try (Browser dana = new Browser(baseUrl)) {
            dana.signIn("dana");
            dana.open("/evaluations/" + b);
            dana.until(() -> dana.text("evaluation-reliability").equals("reliable"));
            dana.open("/comparisons?left=" + a + "&right=" + b);
            dana.until(() -> dana.text("comparison-verdicts").contains("is more robust"));
        }
        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/evaluations/" + a);
            bob.until(() -> bob.text("evaluation-missing").contains("Evaluation " + a + " does not exist"));
            assertThat(bob.count(By.id("evaluation-summary"))).isZero();
            bob.open("/comparisons?left=" + a + "&right=" + b);
            bob.until(() -> bob.text("comparison-message").contains("does not exist"));
            assertThat(bob.count(By.id("comparison-verdicts"))).isZero();
        }
    }
}
