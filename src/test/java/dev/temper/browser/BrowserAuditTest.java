package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The audit page: an admin filters every team's trail, verifies the chain and finds both export links. */
@QuarkusTest
class BrowserAuditTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anAdminFiltersTheTrailByActorAndVerifiesTheChain() throws Exception {
        // A refused write by dana: an entry erin (team-b) sees although dana is in team-a.
        as("dana").post("/api/datasets/{id}/archive", 543_210).then().statusCode(403);
        try (Browser erin = open()) {
            erin.signIn("erin");
            erin.open("/audit");
            erin.until(() -> !erin.text("audit-grid").isBlank());
            erin.type("filter-actor", "nobody-at-all");
            erin.until(() -> !erin.text("audit-grid").contains("DatasetVersion"));
            erin.type("filter-actor", "dana");
            erin.until(() -> erin.text("audit-grid").contains("543210"));
            assertThat(erin.text("audit-grid")).contains("dataset.archive", "DENIED")
                    .doesNotContain("alice", "worker:job-");
            erin.click("verify-chain");
            erin.until(() -> erin.text("chain-result").startsWith("Chain intact"));
            assertThat(erin.count(By.id("export-jsonl"))).isOne();
            assertThat(erin.count(By.id("export-csv"))).isOne();
            erin.screenshot("40-erin-filters-the-audit-trail");
        }
    }

    private Browser open() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        return new Browser(root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost"));
    }
}
