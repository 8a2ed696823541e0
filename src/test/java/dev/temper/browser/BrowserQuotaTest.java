package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The quotas view per role: an admin changes a team's limits; an ml-engineer reads their team's only. */
@QuarkusTest
class BrowserQuotaTest {

    @TestHTTPResource("/")
    URL root;

    /** The database outlives this class: team-b goes back to the default limits. */
    @AfterEach
    void backToDefaults() {
        as("erin").delete("/api/quotas/{team}", "team-b").then().statusCode(200);
    }

    @Test
    void anAdminChangesATeamsLimitsAndSeesRefusedValuesExplained() throws Exception {
        try (Browser erin = open()) {
            erin.signIn("erin");
            erin.open("/quotas");
            erin.until(() -> erin.text("quotas-grid").contains("team-b"));
            erin.type("quota-team", "team-b");
            erin.type("quota-max-gpus", "3");
            erin.type("quota-max-jobs", "5");
            erin.click("quota-save");
            erin.until(() -> erin.text("quotas-grid").contains("by erin"));
            JsonPath teamB = as("bob").get("/api/quotas").then().statusCode(200).extract().jsonPath();
            assertThat(teamB.getInt("[0].maxGpus")).isEqualTo(3);
            assertThat(teamB.getInt("[0].maxConcurrentJobs")).isEqualTo(5);
            assertThat(teamB.getString("[0].updatedBy")).isEqualTo("erin");

            erin.type("quota-max-gpus", "65");
            erin.click("quota-save");
            erin.until(() -> erin.text("quota-error").contains("maxGpus: 0 to 64, not 65"));
            assertThat(as("bob").get("/api/quotas").then().extract().jsonPath().getInt("[0].maxGpus")).isEqualTo(3);
            erin.screenshot("30-erin-sets-team-quotas");
        }
    }

    @Test
    void anMlEngineerReadsTheQuotaOfTheirTeamButGetsNoEditor() throws Exception {
        try (Browser alice = open()) {
            alice.signIn("alice");
            alice.open("/quotas");
            alice.until(() -> alice.text("quotas-grid").contains("team-a"));
            assertThat(alice.text("quotas-grid")).doesNotContain("team-b");
            assertThat(alice.text("main-menu")).contains("Quotas");
            assertThat(alice.count(By.id("quota-save"))).isZero();
            assertThat(alice.count(By.id("quota-team"))).isZero();
            alice.screenshot("31-alice-reads-team-quota");
        }
    }

    private Browser open() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        return new Browser(root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost"));
    }
}
