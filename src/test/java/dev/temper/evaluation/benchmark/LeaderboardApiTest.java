package dev.temper.evaluation.benchmark;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A benchmark's leaderboard through the API: ranked with every reliable row above every unreliable one and stale
 * rows after current ones, paged without overlap, sorted by any column and filtered by model, base, verdict and
 * date in the database; wrong parameters are 400s that say what is wrong.
 */
@QuarkusTest
class LeaderboardApiTest {

    /** Six rows on one QUICK benchmark: four reliable (one of them measured with STANDARD: stale), two not. */
    private static long benchmark;
    private static Map<String, Long> models;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository modelVersions;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    BenchmarkJobRepository links;

    private HandMadeEvaluations made;

    @BeforeEach
    void aBoardExists() {
        made = new HandMadeEvaluations(jobs, modelVersions, datasets);
        if (benchmark != 0) {
            return;
        }
        long[] dataset = BenchmarkRows.dataset("board-" + UUID.randomUUID().toString().substring(0, 8));
        long id = dataset[0];
        int n = (int) dataset[1];
        benchmark = BenchmarkRows.benchmark(id, "board-" + UUID.randomUUID(), "QUICK");
        BenchmarkRows rows = new BenchmarkRows(made, links);
        models = Map.of(
                "modest", rows.row(id, n, benchmark, n / 2, n / 4, true, "QUICK"),
                "strong", rows.row(id, n, benchmark, n * 3 / 4, n / 2, true, "QUICK"),
                "middling", rows.row(id, n, benchmark, n * 3 / 5, n / 3, true, "QUICK"),
                "stale", rows.row(id, n, benchmark, n, n, true, "STANDARD"),
                "flattering", rows.row(id, n, benchmark, n, n, false, "QUICK"),
                "flattering-too", rows.row(id, n, benchmark, n - 1, n - 1, false, "QUICK"));
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void theRankingPutsReliableAboveUnreliableAndCurrentAboveStale() {
        JsonPath board = page("");
        assertThat(board.getInt("total")).isEqualTo(6);
        assertThat(board.getList("items.modelVersionId", Long.class)).containsExactly(models.get("strong"),
                models.get("middling"), models.get("modest"), models.get("stale"), models.get("flattering"),
                models.get("flattering-too"));
        assertThat(board.getList("items.rank", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(board.getList("items.stale", Boolean.class)).containsExactly(false, false, false, true, false,
                false);
        assertThat(board.getList("items.reliable", Boolean.class)).containsExactly(true, true, true, true, false,
                false);
        assertThat(board.getList("items[4].reliabilityFlags", String.class)).containsExactly("GRADIENT_FREE_STRONGER");
        assertThat(board.getString("items[3].suite")).isEqualTo("STANDARD");
        assertThat(board.getDouble("items[0].robust[0].epsilon")).isEqualTo(0.1);
        assertThat(board.getDouble("items[0].robust[0].accuracy.lower"))
                .isLessThanOrEqualTo(board.getDouble("items[0].robust[0].accuracy.value"));
        assertThat(board.getDouble("items[0].clean.upper"))
                .isGreaterThanOrEqualTo(board.getDouble("items[0].clean.value"));
    }

    @Test
    void pagesNeitherOverlapNorSkipRowsUnderAnyOrder() {
        for (String sort : List.of("", "clean,desc", "robust:0.1,asc", "model", "date,desc", "ece")) {
            List<Long> seen = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                JsonPath page = page("page=" + p + "&size=2" + (sort.isEmpty() ? "" : "&sort=" + sort));
                assertThat(page.getInt("total")).isEqualTo(6);
                seen.addAll(page.getList("items.modelVersionId", Long.class));
            }
            assertThat(seen).as(sort).hasSize(6);
            assertThat(new HashSet<>(seen)).as(sort).containsExactlyInAnyOrderElementsOf(models.values());
        }
    }

    @Test
    void sortingIsByTheNamedColumnAndDropsTheRank() {
        List<Float> clean = page("sort=clean,desc").getList("items.clean.value", Float.class);
        assertThat(clean).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        JsonPath robust = page("sort=robust:0.1,asc");
        assertThat(robust.getList("items.robust[0].accuracy.value", Float.class)).isSorted();
        assertThat(robust.getList("items.rank")).containsOnlyNulls();
        List<String> names = page("sort=model,asc").getList("items.modelVersion", String.class);
        assertThat(names).isSorted();
    }

    @Test
    void filtersNarrowTheBoardInTheDatabase() {
        assertThat(page("reliable=false").getList("items.modelVersionId", Long.class))
                .containsExactly(models.get("flattering"), models.get("flattering-too"));
        assertThat(page("reliable=true").getInt("total")).isEqualTo(4);
        String strongName = page("").getString("items[0].modelVersion").replace(" v1", "");
        assertThat(page("model=" + strongName.toUpperCase()).getList("items.modelVersionId", Long.class))
                .containsExactly(models.get("strong"));
        assertThat(page("model=hand-made-%25").getInt("total")).as("% is a character, not a wildcard").isZero();
        assertThat(page("base=anything").getInt("total")).isZero();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(page("from=" + tomorrow).getInt("total")).isZero();
        assertThat(page("from=" + yesterday + "&to=" + tomorrow).getInt("total")).isEqualTo(6);
    }

    @Test
    void wrongParametersAreProblemsNamingThem() {
        bad("sort=bogus", "cannot sort by 'bogus'");
        bad("sort=clean,sideways", "sort must be");
        bad("sort=robust:0.3", "cannot sort by");
        bad("size=501", "size");
        bad("page=-1", "page");
        bad("reliable=maybe", "reliable");
        bad("from=yesterday", "from");
        bad("from=2026-02-01&to=2026-01-01", "before");
        bad("model=" + "m".repeat(121), "model");
    }

    @Test
    void theChartDrawsTheRankingsFirstRowsAndTheTeamOnlySeesIt() {
        JsonPath chart = as("dana").get("/api/benchmarks/{id}/chart", benchmark).then().statusCode(200).extract()
                .jsonPath();
        assertThat(chart.getInt("total")).isEqualTo(6);
        assertThat(chart.getList("points.modelVersionId", Long.class)).containsExactlyElementsOf(
                page("").getList("items.modelVersionId", Long.class));
        assertThat(chart.getDouble("epsilon")).isEqualTo(0.1);
        as("dana").get("/api/benchmarks/{id}/leaderboard", benchmark).then().statusCode(200);
        as("bob").get("/api/benchmarks/{id}/leaderboard", benchmark).then().statusCode(404);
        as("bob").get("/api/benchmarks/{id}/chart", benchmark).then().statusCode(404);
        given().get("/api/benchmarks/{id}/chart", benchmark).then().statusCode(401);
    }

    private static JsonPath page(String query) {
        return as("alice").get("/api/benchmarks/" + benchmark + "/leaderboard" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static void bad(String query, String because) {
        as("alice").get("/api/benchmarks/" + benchmark + "/leaderboard?" + query).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(because));
    }
}
