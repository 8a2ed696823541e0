package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Jobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Watching jobs in a real browser: alice follows a running job in the list (progress bar, ETA, GPU time)
 * and on its page (curves including the learning rate, the worker's log tail, the timeline), compares two
 * jobs' curves, and clones a job into an edited new one that keeps a setting the form has no field for;
 * dana only reads; bob of team-b sees neither the job nor the comparison.
 */
@QuarkusTest
class BrowserMonitoringTest {

    private static final String WATCHED = "monitor-watched";
    private static final String OTHER = "monitor-other";
    private static final int EPOCHS = 60;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aliceWatchesComparesAndClonesJobs() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        long datasetId = as("alice").multiPart("name", "monitor-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "m.csv", CsvFixtures.blobs(1500, 41).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        long otherId = submit(datasetId, OTHER, Jobs.strategy(3, 0.05, 0, false, 0.0), 0);
        Jobs.awaitFinished("alice", otherId);

        long watchedId;
        long cloneId;
        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.open("/jobs");
            // Feature dropout and the early-stopping metric have no field in the form: the clone must keep them.
            Map<String, Object> strategy = new HashMap<>(Jobs.strategy(EPOCHS, 0.01, 0, false, 0.0));
            strategy.put("augmentation", Map.of("featureDropout", 0.1));
            strategy.put("earlyStopping", Map.of("enabled", true, "metric", "VALIDATION_ACCURACY", "patience", 100));
            watchedId = submit(datasetId, WATCHED, strategy, 1);

            // The list, pushed while the job runs: a partly filled bar, an estimate, GPU time so far.
            alice.until(() -> {
                String row = row(alice, watchedId);
                double progress = progress(alice, watchedId);
                return row.contains("RUNNING") && progress > 0 && progress < 1
                        && (row.contains("about ") || row.contains("under a minute"));
            }, Jobs.TIMEOUT);
            assertThat(row(alice, watchedId)).containsPattern("\\d+ GPU·(s|min)");
            alice.js("arguments[0].scrollIntoView()", alice.byId("jobs-grid"));
            alice.screenshot("30-jobs-running");
            alice.until(() -> row(alice, watchedId).contains("SUCCEEDED"), Jobs.TIMEOUT);
            assertThat(progress(alice, watchedId)).isEqualTo(1.0);
            assertThat(row(alice, watchedId)).containsPattern("\\d+ GPU·(s|min)").contains("—");
            // A job without GPUs shows its run time instead.
            assertThat(row(alice, otherId)).containsPattern("run \\d+ (s|min)");

            // The job page: curves, log tail and timeline.
            alice.open("/jobs/" + watchedId);
            alice.until(() -> alice.text("job-state").contains("SUCCEEDED"));
            assertThat(alice.text("job-usage")).contains("attempt 1", "GPU time", "ETA —")
                    .containsPattern("Checkpoint: (none yet|epoch \\d+)");
            assertThat(chartData(alice, "job-loss-chart")).contains("\"Train loss\"", "\"Validation loss\"");
            assertThat(chartData(alice, "job-accuracy-chart")).contains("\"Validation accuracy\"");
            assertThat(chartData(alice, "job-learning-rate-chart")).contains("\"Learning rate\":[0.01,");
            assertThat(chartData(alice, "job-step-chart")).contains("\"Train loss\":[");
            alice.until(() -> drawn(alice, "job-learning-rate-chart"));
            // Vaadin leaves a hidden component out of the page or marks it hidden.
            assertThat(alice.count(By.cssSelector("#job-robust-chart:not([hidden])")))
                    .as("no adversarial training, no robust curve").isZero();
            assertThat(alice.text("job-log")).contains("Epoch 1/" + EPOCHS, "Epoch " + EPOCHS + "/" + EPOCHS);
            assertThat(alice.text("job-timeline")).contains("queued", "started", "running", "succeeded");
            alice.js("arguments[0].scrollIntoView()", alice.byId("job-title"));
            alice.screenshot("31-job-monitoring");

            // Two jobs' curves side by side, picked in the list.
            alice.open("/jobs");
            alice.until(() -> row(alice, otherId).contains("SUCCEEDED"));
            tick(alice, watchedId);
            tick(alice, otherId);
            alice.click("jobs-compare");
            alice.until(() -> alice.currentPath().startsWith("/jobs/compare?ids="));
            assertThat(alice.currentPath()).contains(String.valueOf(watchedId), String.valueOf(otherId));
            alice.until(() -> alice.text("compare-jobs").contains(WATCHED));
            assertThat(alice.text("compare-jobs")).contains(OTHER);
            assertThat(chartData(alice, "compare-accuracy-chart"))
                    .contains("\"Job " + watchedId + " " + WATCHED + "\"", "\"Job " + otherId + " " + OTHER + "\"");
            assertThat(chartData(alice, "compare-learning-rate-chart")).contains("0.05", "0.01");
            alice.until(() -> drawn(alice, "compare-accuracy-chart"));
            alice.screenshot("32-jobs-compared");

            // Clone and edit: the form starts from the job, an edit changes only what it edits.
            alice.open("/jobs/" + watchedId);
            alice.click("job-clone");
            alice.until(() -> alice.currentPath().equals("/jobs?clone=" + watchedId));
            assertThat(alice.text("job-form-origin")).contains("Cloned from job " + watchedId);
            assertThat(alice.js("return arguments[0].value", alice.byId("job-model-name"))).isEqualTo(WATCHED);
            assertThat(alice.js("return arguments[0].value", alice.byId("job-gpus"))).isEqualTo("1");
            alice.type("job-model-name", "monitor-clone");
            alice.type("job-epochs", "2");
            alice.screenshot("33-job-cloned-form");
            alice.click("job-submit");
            alice.until(() -> alice.currentPath().matches("/jobs/\\d+") && !alice.currentPath().endsWith("/" + watchedId));
            cloneId = Long.parseLong(alice.currentPath().replace("/jobs/", ""));
        }
        JsonPath clone = as("alice").get("/api/jobs/{id}", cloneId).then().statusCode(200).extract().jsonPath();
        assertThat(clone.getString("modelName")).isEqualTo("monitor-clone");
        assertThat(clone.getInt("settings.strategy.epochs")).isEqualTo(2);
        assertThat(clone.getDouble("settings.strategy.augmentation.featureDropout")).isEqualTo(0.1);
        assertThat(clone.getString("settings.strategy.earlyStopping.metric")).isEqualTo("VALIDATION_ACCURACY");
        assertThat(clone.getInt("settings.strategy.earlyStopping.patience")).isEqualTo(100);
        assertThat(clone.getInt("scheduling.resources.gpus")).isEqualTo(1);
        assertThat(clone.getLong("datasetVersionId")).isEqualTo(datasetId);
        Jobs.awaitFinished("alice", cloneId);

        // The API's clone: GET, edit, POST.
        JsonPath original = as("alice").get("/api/jobs/{id}", watchedId).then().statusCode(200).extract().jsonPath();
        Map<String, Object> edited = new HashMap<>(original.getMap("settings.strategy"));
        edited.put("epochs", 2);
        long apiCloneId = as("alice").contentType(ContentType.JSON).body(Map.of("kind", original.getString("kind"),
                        "modelName", "monitor-api-clone", "datasetVersionId", original.getLong("datasetVersionId"),
                        "architecture", original.getMap("settings.architecture"), "strategy", edited,
                        "priority", original.getInt("scheduling.priority"),
                        "resources", original.getMap("scheduling.resources"),
                        "maxRuntimeMinutes", original.getInt("scheduling.maxRuntimeMinutes"),
                        "maxRetries", original.getInt("scheduling.maxRetries")))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath apiClone = as("alice").get("/api/jobs/{id}", apiCloneId).then().extract().jsonPath();
        assertThat(apiClone.getMap("settings.strategy")).isEqualTo(edited);
        assertThat(apiClone.getMap("scheduling")).isEqualTo(original.getMap("scheduling"));
        as("alice").post("/api/jobs/{id}/cancel", apiCloneId).then().statusCode(200);

        try (Browser dana = new Browser(baseUrl)) {
            dana.signIn("dana");
            dana.open("/jobs/" + watchedId);
            dana.until(() -> dana.text("job-state").contains("SUCCEEDED"));
            assertThat(dana.text("job-log")).contains("Epoch 1/" + EPOCHS);
            assertThat(dana.count(By.id("job-clone"))).as("a viewer cannot clone").isZero();
            assertThat(dana.count(By.id("job-retry"))).isZero();
            dana.open("/jobs/compare?ids=" + watchedId + "," + otherId);
            dana.until(() -> dana.text("compare-jobs").contains(WATCHED));
        }
        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/jobs/" + watchedId);
            bob.until(() -> bob.text("job-missing").contains("Job " + watchedId + " does not exist"));
            bob.open("/jobs/compare?ids=" + watchedId + "," + otherId);
            bob.until(() -> bob.text("compare-missing").contains("Job " + watchedId + " does not exist"));
            assertThat(bob.textOf(By.tagName("body"))).doesNotContain("monitor-");
            bob.open("/jobs?clone=" + watchedId);
            bob.until(() -> bob.notifications().contains("Job " + watchedId + " does not exist"));
            assertThat(bob.js("return arguments[0].value", bob.byId("job-model-name"))).isEqualTo("");
        }
    }

    private static long submit(long datasetId, String name, Map<String, Object> strategy, int gpus) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", name,
                        "datasetVersionId", datasetId, "strategy", strategy, "resources", Map.of("gpus", gpus)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The texts of the job's row in the list, joined by " | " (its evaluation job has the same model name). */
    private static String row(Browser browser, long jobId) {
        return (String) browser.js("""
                const cell = [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.trim() === String(arguments[1]));
                if (!cell || !cell.assignedSlot) return '';
                const row = cell.assignedSlot.parentElement.parentElement;
                return [...row.querySelectorAll('slot')].flatMap(s => s.assignedElements())
                    .map(e => e.textContent.trim()).join(' | ');""", browser.byId("jobs-grid"), jobId);
    }

    /** Ticks the job's selection checkbox, as a user does (a click elsewhere in the row opens the job). */
    private static void tick(Browser browser, long jobId) {
        WebElement checkbox = (WebElement) browser.js("""
                const cell = [...arguments[0].querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.trim() === String(arguments[1]));
                const row = cell.assignedSlot.parentElement.parentElement;
                return [...row.querySelectorAll('slot')].flatMap(s => s.assignedElements())
                    .map(e => e.querySelector('vaadin-checkbox')).find(c => !!c);""", browser.byId("jobs-grid"), jobId);
        // A click event on the checkbox itself: the grid scrolls inside its own frame, where its sticky header
        // can cover a row that WebDriver would click by position.
        browser.js("arguments[0].click()", checkbox);
        browser.until(() -> Boolean.TRUE.equals(browser.js("return arguments[0].checked", checkbox)));
    }

    private static double progress(Browser browser, long jobId) {
        return ((Number) browser.js("return arguments[0].value", browser.byId("jobs-progress-" + jobId))).doubleValue();
    }

    private static String chartData(Browser browser, String id) {
        return (String) browser.js("return arguments[0].data", browser.byId(id));
    }

    /** Scrolled into view first, as a reader would: a chart below the fold need not be drawn yet. */
    private static boolean drawn(Browser browser, String id) {
        return Boolean.TRUE.equals(browser.js("arguments[0].scrollIntoView({block: 'center'});"
                + " const c = arguments[0].shadowRoot.querySelector('canvas'); return !!c && c.width > 0",
                browser.byId(id)));
    }
}
