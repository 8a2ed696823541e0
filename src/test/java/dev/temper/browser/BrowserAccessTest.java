package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testsupport.Jobs;
import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Team scoping and roles in the UI: bob (team-b) sees none of team-a's work; dana (viewer) only reads. */
@QuarkusTest
class BrowserAccessTest {

    private static final String DATASET = "access-secret-blobs";

    @TestHTTPResource("/")
    URL root;

    private static long jobId;

    /** Once per class, inside the running app (static @BeforeAll runs before Quarkus has started). */
    @BeforeEach
    void teamAHasWork() {
        if (jobId != 0) {
            return;
        }
        long datasetId = as("alice").multiPart("name", DATASET).multiPart("labelColumn", "species")
                .multiPart("file", "a.csv", CsvFixtures.blobs(90, 91).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().extract().jsonPath().getLong("id");
        jobId = as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", "access-secret-model",
                        "datasetVersionId", datasetId, "strategy", Jobs.strategy(2, 0.01, 0, false, 0.0)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        Jobs.awaitFinished("alice", jobId);
    }

    @Test
    void bobOfTeamBSeesNoneOfTeamAsWork() throws Exception {
        try (Browser bob = open()) {
            long bobsData = as("bob").multiPart("name", "bob-own-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "b.csv", CsvFixtures.blobs(60, 92).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
            long bobsJob = as("bob").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName",
                            "bob-own-model", "datasetVersionId", bobsData, "strategy",
                            Jobs.strategy(1, 0.01, 0, false, 0.0)))
                    .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
            Jobs.awaitFinished("bob", bobsJob);
            bob.signIn("bob");
            bob.open("/datasets");
            // The grid has loaded (bob's own dataset is there), and team-a's is not.
            bob.until(() -> bob.text("datasets-grid").contains("bob-own-blobs"));
            assertThat(bob.text("datasets-grid")).doesNotContain(DATASET);
            // Each grid has loaded bob's own rows (a positive control) before team-a's absence means anything.
            bob.open("/jobs");
            bob.until(() -> bob.text("jobs-grid").contains("bob-own-model"));
            assertThat(bob.text("jobs-grid")).doesNotContain("access-secret-model");
            bob.open("/models");
            bob.until(() -> bob.text("models-grid").contains("bob-own-model"));
            assertThat(bob.text("models-grid")).doesNotContain("access-secret-model");
            bob.open("/jobs/" + jobId);
            assertThat(bob.text("job-missing")).contains("does not exist");
            assertThat(bob.textOf(By.tagName("body"))).doesNotContain("access-secret");
            bob.screenshot("20-bob-cannot-see-team-a-job");
            bob.open("/audit");
            assertThat(bob.text("access-denied")).isNotBlank();
        }
    }

    @Test
    void sessionCookiesAreHiddenFromScriptsAndNotSentCrossSite() throws Exception {
        try (Browser dana = open()) {
            dana.signIn("dana");
            dana.open("/datasets");
            dana.until(() -> dana.text("datasets-grid").contains(DATASET));
            // Vaadin's servlet session and Quarkus OIDC's session (its name carries the tenant when there is one).
            List<Cookie> sessions = dana.cookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID") || c.getName().startsWith("q_session")).toList();
            assertThat(sessions).extracting(Cookie::getName).contains("JSESSIONID")
                    .anySatisfy(name -> assertThat(name).startsWith("q_session"));
            assertThat(sessions).allSatisfy(cookie -> {
                assertThat(cookie.isHttpOnly()).as(cookie.getName() + " HttpOnly").isTrue();
                assertThat(cookie.getSameSite()).as(cookie.getName() + " SameSite").isEqualTo("Lax");
            });
            String visibleToScripts = (String) dana.js("return document.cookie");
            assertThat(visibleToScripts).doesNotContain("JSESSIONID").doesNotContain("q_session");
        }
    }

    @Test
    void danaTheViewerReadsButGetsNoControlsToChangeAnything() throws Exception {
        try (Browser dana = open()) {
            dana.signIn("dana");
            dana.open("/datasets");
            dana.until(() -> dana.text("datasets-grid").contains(DATASET));
            assertThat(dana.count(By.id("dataset-upload"))).isZero();
            dana.open("/jobs");
            dana.until(() -> dana.text("jobs-grid").contains("access-secret-model"));
            assertThat(dana.count(By.id("job-submit"))).isZero();
            dana.open("/models");
            dana.until(() -> dana.text("models-grid").contains("access-secret-model"));
            assertThat(dana.count(By.cssSelector("[id^=request-approval-]"))).isZero();
            dana.open("/approvals");
            assertThat(dana.count(By.cssSelector("[id^=approve-]"))).isZero();
            dana.screenshot("21-dana-reads-only");
            dana.open("/audit");
            assertThat(dana.text("access-denied")).isNotBlank();
        }
    }

    private Browser open() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        return new Browser(root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost"));
    }
}
