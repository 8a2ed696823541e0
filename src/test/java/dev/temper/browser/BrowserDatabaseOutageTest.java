package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.devstack.DatabaseRoles;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A tab open while PostgreSQL is away: the page it asks for cannot be read, the tab says so, and once the database
 * is back the next page loads in the same tab, without a reload. Vaadin's own handling of the failure would leave
 * its "Internal error" over the tab until the user reloads it.
 */
@QuarkusTest
class BrowserDatabaseOutageTest {

    private static final String DATASET = "outage-tab-blobs";

    @TestHTTPResource("/")
    URL root;

    @Test
    void aTabThatMissedTheDatabaseCarriesOnWhenItIsBack() throws Exception {
        as("alice").multiPart("name", DATASET).multiPart("labelColumn", "species")
                .multiPart("file", "o.csv", CsvFixtures.blobs(40, 71).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201);
        try (Browser alice = open()) {
            alice.signIn("alice");
            navigate(alice, "/datasets");
            alice.until(() -> alice.text("datasets-grid").contains(DATASET));

            try (Connection superuser = Database.superuserOutside(); Statement sql = superuser.createStatement()) {
                sql.execute("alter database " + DatabaseRoles.DATABASE + " allow_connections false");
                try {
                    sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                            + DatabaseRoles.DATABASE + "'");
                    navigate(alice, "/jobs");
                    alice.until(() -> alice.textOf(By.tagName("vaadin-notification-card"))
                            .contains("cannot reach its database"), Duration.ofSeconds(30));
                } finally {
                    sql.execute("alter database " + DatabaseRoles.DATABASE + " allow_connections true");
                }
            }

            navigate(alice, "/datasets");
            alice.until(() -> alice.currentPath().startsWith("/datasets")
                    && alice.textOf(By.id("datasets-grid")).contains(DATASET), Duration.ofSeconds(30));
            assertThat(alice.count(By.cssSelector(".v-system-error"))).as("Vaadin's critical error overlay").isZero();
        }
    }

    /** In the tab, by the router (as a click on the navigation does), not by loading the page again. */
    private static void navigate(Browser browser, String route) {
        browser.js("const a = document.createElement('a'); a.href = arguments[0]; a.setAttribute('router-link', '');"
                + " document.body.appendChild(a); a.click(); a.remove();", route);
    }

    private Browser open() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        return new Browser(root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost"));
    }
}
