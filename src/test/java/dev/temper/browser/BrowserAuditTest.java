package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The audit page in a real browser: erin (admin) filters every team's trail by actor, action and object, verifies
 * the chain and downloads both exports with the filters shown. The grid's rows are read from the rows it shows
 * for its current size, never from its whole text: a lazy grid keeps stale, hidden cell content around.
 */
@QuarkusTest
class BrowserAuditTest {

    /** The rows the grid shows, a string of its cells' text joined by '|' per row. */
    private static final String VISIBLE_ROWS = """
            const grid = arguments[0];
            return Array.from(grid.shadowRoot.querySelectorAll('#items tr'))
                .filter(row => !row.hidden && row.index !== undefined && row.index < grid.size)
                .map(row => Array.from(row.querySelectorAll('slot'))
                    .map(slot => slot.assignedElements().map(cell => cell.textContent.trim()).join(''))
                    .join('|'));
            """;

    /** Fetches a download link with the session's cookies: its status, content type and body. */
    private static final String DOWNLOAD = """
            const request = new XMLHttpRequest();
            request.open('GET', arguments[0].href, false);
            request.send();
            return request.status + '\\n' + request.getResponseHeader('Content-Type') + '\\n' + request.responseText;
            """;

    @TestHTTPResource("/")
    URL root;

    @Test
    void erinFiltersTheTrailVerifiesTheChainAndExportsWhatSheSees() throws Exception {
        // Refused writes by dana and carol (team-a, neither may archive): entries erin sees, as admins read every
        // team's trail; the filters must tell dana's two apart from carol's one and from each other.
        as("dana").post("/api/datasets/{id}/archive", 543_210).then().statusCode(403);
        as("dana").post("/api/datasets/{id}/archive", 543_211).then().statusCode(403);
        as("carol").post("/api/datasets/{id}/archive", 543_212).then().statusCode(403);
        try (Browser erin = open()) {
            erin.signIn("erin");
            erin.open("/audit");
            erin.until(() -> size(erin) >= 3);

            erin.type("filter-actor", "dana");
            erin.type("filter-action", "dataset.archive");
            // Other test classes leave refusals by dana too (the suite shares one database): at least her two.
            erin.until(() -> size(erin) >= 2 && !rows(erin).isEmpty() && rows(erin).stream()
                    .allMatch(row -> row.contains("dana") && row.contains("dataset.archive")));
            assertThat(rows(erin)).hasSizeGreaterThanOrEqualTo(2).allSatisfy(row -> assertThat(row).contains("dana", "dataset.archive",
                    "DENIED").doesNotContain("carol"));

            erin.type("filter-object-id", "543211");
            erin.until(() -> size(erin) == 1 && rows(erin).size() == 1 && rows(erin).get(0).contains("543211"));
            assertThat(rows(erin).get(0)).contains("dana", "dataset.archive", "DatasetVersion 543211", "DENIED")
                    .doesNotContain("543210");

            erin.type("filter-actor", "nobody-at-all");
            erin.until(() -> size(erin) == 0);
            assertThat(rows(erin)).isEmpty();
            erin.type("filter-actor", "dana");
            erin.until(() -> size(erin) == 1);

            erin.click("verify-chain");
            erin.until(() -> erin.text("chain-result").startsWith("Chain intact"));

            // The exports hold what the filters show: dana's one refusal on 543211.
            String jsonLines = download(erin, "export-jsonl");
            assertThat(jsonLines).startsWith("200\napplication/x-ndjson");
            List<String> entries = body(jsonLines);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0)).contains("\"actor\":\"dana\"", "\"objectId\":\"543211\"",
                    "\"outcome\":\"DENIED\"");
            String csv = download(erin, "export-csv");
            assertThat(csv).startsWith("200\ntext/csv");
            List<String> csvLines = body(csv);
            assertThat(csvLines).hasSize(2);
            assertThat(csvLines.get(0)).startsWith("id,seq,occurredAt,actor");
            assertThat(csvLines.get(1)).contains(",dana,", ",dataset.archive,DatasetVersion,543211,DENIED,");
            DocScreenshots.take(erin, "audit-page");
        }
    }

    private static long size(Browser browser) {
        return ((Number) browser.js("return arguments[0].size || 0", browser.byId("audit-grid"))).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(Browser browser) {
        return (List<String>) browser.js(VISIBLE_ROWS, browser.byId("audit-grid"));
    }

    private static String download(Browser browser, String linkId) {
        return (String) browser.js(DOWNLOAD, browser.byId(linkId));
    }

    /** The lines of a download's body (after its status and content type). */
    private static List<String> body(String download) {
        List<String> lines = download.lines().toList();
        return lines.subList(2, lines.size()).stream().filter(line -> !line.isBlank()).toList();
    }

    private Browser open() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        return new Browser(root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost"));
    }
}
