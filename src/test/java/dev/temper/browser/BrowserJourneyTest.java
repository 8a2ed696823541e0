package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testsupport.Jobs;
import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Steps 1, 3, 5 and 6 of the journey in a real browser with two users: alice uploads a dataset,
 * fine-tunes and watches her job live, sees the leaderboard and asks for approval; carol approves.
 * Screenshots land in target/screenshots.
 */
@QuarkusTest
class BrowserJourneyTest {


    @TestHTTPResource("/")
    URL root;

    @Test
    void aliceTrainsAndCarolApprovesInTheBrowser() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        Path csv = Files.createTempFile("browser-blobs-", ".csv");
        Files.writeString(csv, CsvFixtures.blobs(450, 23));

        long modelVersionId;
        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.screenshot("01-home-alice");

            // Step 1: upload a dataset.
            alice.open("/datasets");
            alice.type("dataset-name", "browser-blobs");
            alice.type("label-column", "species");
            // A malformed file first: a readable message, and nothing registered.
            Path broken = Files.createTempFile("broken-", ".csv");
            Files.writeString(broken, "f0,species\n1.0,alpha\nabc,beta\n");
            alice.upload("dataset-upload", broken);
            alice.until(() -> alice.text("dataset-error").contains("Line 3, column 'f0': 'abc' is not a number"));
            assertThat(alice.text("datasets-grid")).doesNotContain("browser-blobs");
            alice.screenshot("02-dataset-rejected");
            alice.upload("dataset-upload", csv);
            alice.until(() -> alice.notifications().contains("Registered browser-blobs v1"));
            alice.until(() -> alice.text("datasets-grid").contains("browser-blobs v1"));
            alice.screenshot("03-dataset-registered");
            long datasetId = datasetId("browser-blobs");

            // A base model exists: pre-trained by the platform (through the API here; same machinery).
            pretrainBase(datasetId);

            // Step 3: fine-tune from the base with FGSM and watch the job live.
            alice.open("/jobs");
            alice.type("job-model-name", "browser-robust");
            alice.choose("job-dataset", "browser-blobs v1");
            alice.choose("job-base-model", "browser-base v1");
            alice.type("job-epochs", "15");
            alice.type("job-frozen-layers", "1");
            alice.pick("job-attack", "FGSM");
            alice.type("job-epsilon", "0.1");
            alice.screenshot("04-job-form");
            alice.click("job-submit");
            alice.until(() -> alice.currentPath().matches("/jobs/\\d+"));
            // The page is never reloaded from here on: what changes arrives by server push.
            assertThat(alice.text("job-state")).containsAnyOf("QUEUED", "STARTING", "RUNNING");
            alice.screenshot("05-job-submitted");
            alice.until(() -> alice.text("job-state").contains("SUCCEEDED"), Jobs.TIMEOUT);
            assertThat(alice.js("return arguments[0].size", alice.byId("job-metrics-grid"))).isEqualTo(15L);
            assertThat(alice.js("return arguments[0].value", alice.byId("job-progress"))).isEqualTo(1L);
            assertThat(alice.js("return arguments[0].shadowRoot != null || arguments[0].querySelector('canvas') != null",
                    alice.byId("job-loss-chart"))).isEqualTo(true);
            alice.screenshot("06-job-succeeded");
            long jobId = Long.parseLong(alice.currentPath().replace("/jobs/", ""));
            modelVersionId = as("alice").get("/api/jobs/{id}", jobId).then().extract().jsonPath()
                    .getLong("resultModelVersionId");

            // Step 5: the leaderboard shows base and fine-tuned side by side once evaluated: both ran the configured
            // suite on the dataset's test split, so both joined that dataset version's benchmark.
            alice.until(() -> {
                List<Long> benchmarks = as("alice").get("/api/benchmarks?size=500").then().extract().jsonPath()
                        .getList("items.findAll { it.datasetVersionId == " + datasetId + " }.id", Long.class);
                if (benchmarks.isEmpty()) {
                    return false;
                }
                alice.open("/leaderboards/" + benchmarks.get(0));
                String board = alice.text("leaderboard-grid");
                return board.contains("browser-base v1") && board.contains("browser-robust v1");
            }, Jobs.TIMEOUT);
            assertThat(alice.text("leaderboard-grid")).contains("Robust ε=0.1").contains("Robust ε=0.3");
            alice.screenshot("07-leaderboard");

            // Step 6, first half: alice asks for approval.
            alice.open("/models");
            alice.click("request-approval-" + modelVersionId);
            alice.type("approval-comment", "Robust to FGSM at 0.1; ready to ship");
            alice.click("approval-submit");
            alice.until(() -> alice.notifications().toLowerCase().contains("approval"));
            alice.screenshot("08-approval-requested");
        }

        long requestId = as("carol").queryParam("state", "OPEN").get("/api/approvals").then().extract().jsonPath()
                .getLong("items.find { it.modelVersionId == " + modelVersionId + " }.id");
        try (Browser carol = new Browser(baseUrl)) {
            carol.signIn("carol");
            carol.open("/approvals");
            carol.click("approve-" + requestId);
            carol.type("decision-comment", "Checked the leaderboard: approved");
            carol.click("decision-confirm");
            carol.until(() -> carol.text("approvals-grid").contains("APPROVED"));
            carol.screenshot("09-approved-by-carol");
            carol.open("/");
            carol.until(() -> carol.text("production-team-a").contains("browser-robust v1"));
            carol.screenshot("10-production-alias");
        }
    }

    private static long datasetId(String name) {
        return as("alice").queryParam("name", name).get("/api/datasets").then().extract().jsonPath()
                .getLong("items.find { it.name == '" + name + "' }.id");
    }

    private static void pretrainBase(long datasetId) {
        long jobId = as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN",
                        "modelName", "browser-base", "datasetVersionId", datasetId,
                        "architecture", Map.of("type", "MLP", "hiddenWidths", List.of(32, 16)),
                        "strategy", Jobs.strategy(10, 0.01, 0, false, 0.0)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        var job = Jobs.awaitFinished("alice", jobId);
        assertThat(job.getString("state")).as(job.getString("message")).isEqualTo("SUCCEEDED");
    }
}
