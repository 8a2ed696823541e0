package dev.temper.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.evaluation.benchmark.BenchmarkJobRepository;
import dev.temper.evaluation.benchmark.BenchmarkRows;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A benchmark's leaderboard in a real browser: alice picks the benchmark from the list, sees the clean-vs-robust
 * chart above the ranked rows with their badges, sorts by a robust column and filters to the unreliable rows;
 * bob, of another team, is told there is no such benchmark. The page's screenshot goes to docs/screenshots.
 */
@QuarkusTest
class BrowserLeaderboardTest {

    private static final Path DOCS_SCREENSHOT = Path.of("docs", "screenshots", "leaderboard.png");

    @TestHTTPResource("/")
    URL root;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    BenchmarkJobRepository links;

    @Test
    void aliceReadsTheRankedBoardUnderItsChartAndBobSeesNothing() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        HandMadeEvaluations made = new HandMadeEvaluations(jobs, models, datasets);
        BenchmarkRows rows = new BenchmarkRows(made, links);
        long[] dataset = BenchmarkRows.dataset("browser-board");
        long id = dataset[0];
        int n = (int) dataset[1];
        String name = "browser-board-" + UUID.randomUUID().toString().substring(0, 8);
        long benchmark = BenchmarkRows.benchmark(id, name, "QUICK");
        for (int i = 0; i < 8; i++) {
            rows.row(id, n, benchmark, n / 2 + i, n / 4 + i, i != 3, i == 5 ? "STANDARD" : "QUICK");
        }

        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.open("/leaderboards");
            alice.until(() -> alice.text("benchmark-grid").contains(name));
            alice.byId("benchmark-grid").findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().strip().equals(name)).findFirst().orElseThrow().click();
            alice.until(() -> alice.currentPath().equals("/leaderboards/" + benchmark));
            alice.until(() -> alice.text("leaderboard-grid").contains("hand-made-"));
            String board = alice.text("leaderboard-grid");
            assertThat(board).contains("Robust ε=0.1 (95% CI)").contains("unreliable").contains("stale")
                    .contains("Clean (95% CI)");
            assertThat(alice.js("return arguments[0].shadowRoot.querySelector('canvas') != null",
                    alice.byId("leaderboard-chart"))).isEqualTo(true);
            assertThat(alice.text("leaderboard-chart-note")).contains("(8)");
            // Chart and the first rows in one picture.
            alice.js("arguments[0].scrollIntoView({block: 'start'})", alice.byId("leaderboard-chart"));
            alice.screenshot("20-leaderboard");
            Files.createDirectories(DOCS_SCREENSHOT.getParent());
            Files.copy(Browser.SCREENSHOTS.resolve("20-leaderboard.png"), DOCS_SCREENSHOT,
                    StandardCopyOption.REPLACE_EXISTING);

            // Filtered in the database to the unreliable rows: one of the eight.
            alice.pick("leaderboard-filter-reliable", "unreliable");
            alice.until(() -> Long.valueOf(1).equals(alice.js("return arguments[0].size",
                    alice.byId("leaderboard-grid"))));
            assertThat(alice.text("leaderboard-grid")).contains("unreliable");
        }

        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/leaderboards/" + benchmark);
            assertThat(bob.text("leaderboard-missing")).contains("No benchmark " + benchmark);
            bob.open("/leaderboards");
            bob.until(() -> bob.text("benchmark-grid").contains("Benchmark"));
            assertThat(bob.text("benchmark-grid")).doesNotContain(name);
        }
        made.endAll();
    }
}
