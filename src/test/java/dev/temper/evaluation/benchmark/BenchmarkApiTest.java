package dev.temper.evaluation.benchmark;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.audit.AuditRepository;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.Submissions;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks through the API: defined by ml-engineers and admins of the team, read by every member, unknown to
 * everyone else; bad definitions refused whole; an evaluation asked for on a benchmark runs its threat model and
 * suite and its row records the benchmark, while other evaluations join the benchmark they were measured for.
 */
@QuarkusTest
class BenchmarkApiTest {

    private static long datasetId;
    private static int testCount;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    BenchmarkJobRepository links;
    @Inject
    AuditRepository audit;

    private HandMadeEvaluations made;
    private BenchmarkRows rows;

    @BeforeEach
    void aDatasetExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        rows = new BenchmarkRows(made, links);
        if (datasetId == 0) {
            long[] dataset = BenchmarkRows.dataset("benchmark-blobs");
            datasetId = dataset[0];
            testCount = (int) dataset[1];
        }
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void anMlEngineerDefinesABenchmarkTheTeamReadsAndNobodyElseSees() {
        String name = unique("blobs-linf");
        JsonPath created = as("alice").contentType(ContentType.JSON).body(Map.of("name", name,
                        "datasetVersionId", datasetId, "norm", "linf", "epsilons", List.of(0.3, 0.1)))
                .post("/api/benchmarks").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("team")).isEqualTo("team-a");
        assertThat(created.getString("norm")).isEqualTo("LINF");
        assertThat(created.getString("epsilonUnit")).isEqualTo("TRAIN_STD");
        assertThat(created.getList("epsilons", Double.class)).containsExactly(0.1, 0.3);
        assertThat(created.getString("suite")).isEqualTo("STANDARD");
        assertThat(created.getList("sorts", String.class)).contains("clean", "robust:0.1", "robust:0.3", "date");
        assertThat(audit.count("action = ?1 and objectId = ?2 and actor = ?3", "benchmark.create",
                String.valueOf(id), "alice")).isEqualTo(1);

        as("dana").get("/api/benchmarks/{id}", id).then().statusCode(200).body("name", equalTo(name));
        assertThat(allIds("dana")).contains(id);
        as("carol").get("/api/benchmarks/{id}/leaderboard", id).then().statusCode(200).body("total", equalTo(0));
        as("bob").get("/api/benchmarks/{id}", id).then().statusCode(404).contentType("application/problem+json");
        as("bob").get("/api/benchmarks/{id}/leaderboard", id).then().statusCode(404);
        as("bob").get("/api/benchmarks/{id}/chart", id).then().statusCode(404);
        assertThat(allIds("bob")).doesNotContain(id);
        given().get("/api/benchmarks").then().statusCode(401);
        given().get("/api/benchmarks/{id}", id).then().statusCode(401);
        given().get("/api/benchmarks/{id}/leaderboard", id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(definition(unique("x"))).post("/api/benchmarks").then()
                .statusCode(401);
    }

    @Test
    void onlyMlEngineersAndAdminsOfTheTeamDefineBenchmarks() {
        long before = total("alice");
        as("dana").contentType(ContentType.JSON).body(definition(unique("viewer"))).post("/api/benchmarks").then()
                .statusCode(403).contentType("application/problem+json");
        as("carol").contentType(ContentType.JSON).body(definition(unique("reviewer"))).post("/api/benchmarks").then()
                .statusCode(403);
        // Bob is an ml-engineer, but of team-b: team-a's dataset version does not exist for him.
        as("bob").contentType(ContentType.JSON).body(definition(unique("other-team"))).post("/api/benchmarks").then()
                .statusCode(404);
        assertThat(total("alice")).isEqualTo(before);
    }

    @Test
    void aBadDefinitionIsRefusedWholeWithAProblemNamingTheField() {
        long before = total("alice");
        String taken = unique("taken");
        as("alice").contentType(ContentType.JSON).body(definition(taken)).post("/api/benchmarks").then()
                .statusCode(201);
        refused(with("name", " "), 400, "name");
        refused(with("name", "n".repeat(Benchmark.NAME_MAX_LENGTH + 1)), 400, "at most 120");
        refused(with("name", "two\nlines"), 400, "control character");
        refused(with("datasetVersionId", null), 400, "datasetVersionId");
        refused(with("norm", "L1"), 400, "norm");
        refused(with("suite", "FAST"), 400, "suite");
        refused(with("epsilons", List.of()), 400, "epsilons");
        refused(with("epsilons", Collections.nCopies(13, 0.1)), 400, "at most 12");
        refused(with("epsilons", List.of(0.1, -0.2)), 400, "above 0");
        refused(with("epsilons", List.of(0.0)), 400, "above 0");
        refused(with("epsilons", List.of(1000.0)), 400, "at most 100");
        refused(with("datasetVersionId", 999_999_999L), 404, "Dataset version");
        refused(with("name", taken), 409, "already has a benchmark named");
        as("alice").contentType(ContentType.JSON).body("{not json").post("/api/benchmarks").then().statusCode(400);
        as("alice").get("/api/benchmarks?size=501").then().statusCode(400).contentType("application/problem+json");
        as("alice").get("/api/benchmarks?page=x").then().statusCode(400).body("detail", containsString("page"));
        as("alice").get("/api/benchmarks?sort=team").then().statusCode(400).body("detail", containsString("sort"));
        assertThat(total("alice")).isEqualTo(before + 1);
    }

    @Test
    void anEvaluationOnABenchmarkRunsItsThreatModelAndRecordsIt() {
        long benchmark = as("alice").contentType(ContentType.JSON).body(Map.of("name", unique("on-benchmark"),
                        "datasetVersionId", datasetId, "norm", "L2", "epsilons", List.of(0.1), "suite", "STANDARD"))
                .post("/api/benchmarks").then().statusCode(201).extract().jsonPath().getLong("id");
        long model = made.model(datasetId);
        Attempt attempt = rows.job(model, datasetId, benchmark);

        BenchmarkRows.spec(attempt).statusCode(200)
                .body("evaluation.threatModel.norm", equalTo("L2"))
                .body("evaluation.threatModel.epsilons", equalTo(List.of(0.1f)))
                .body("evaluation.suite", equalTo("STANDARD"));
        Submissions report = Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION);
        // The worker measured another threat model than the benchmark's: refused, nothing recorded.
        BenchmarkRows.submit(attempt, BenchmarkRows.withSuite(report.build(), "STANDARD")).statusCode(400)
                .body("detail", containsString("threatModel"));
        as("alice").get("/api/benchmarks/{id}/leaderboard", benchmark).then().body("total", equalTo(0));

        EvaluationSubmission l2 = report.build(report.points(), java.util.Base64.getEncoder().encodeToString(
                report.outcomes().encode()), new Threat("L2", "TRAIN_STD", List.of(0.1), "L2, epsilon 0.1"));
        BenchmarkRows.submit(attempt, BenchmarkRows.withSuite(l2, "STANDARD")).statusCode(204);
        JsonPath board = as("alice").get("/api/benchmarks/{id}/leaderboard", benchmark).then().statusCode(200)
                .extract().jsonPath();
        assertThat(board.getList("items.modelVersionId", Long.class)).containsExactly(model);
        assertThat(board.getBoolean("items[0].stale")).isFalse();
        assertThat(board.getString("items[0].suite")).isEqualTo("STANDARD");
        // The per-dataset board shows the same row with its threat model.
        JsonPath perDataset = as("alice").get("/api/leaderboards/{id}?size=500", datasetId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(perDataset.getString("items.find { it.modelVersionId == " + model + " }.norm")).isEqualTo("L2");
    }

    @Test
    void anEvaluationAskedForByNoBenchmarkJoinsTheOneOfItsThreatModelAndSuite() {
        long[] fresh = BenchmarkRows.dataset(unique("default-board"));
        int n = (int) fresh[1];
        long first = rows.row(fresh[0], n, null, n / 2, n / 4, true, "QUICK");
        List<Long> made = idsOnDataset(fresh[0]);
        assertThat(made).as("a benchmark is made for the first evaluation of its kind").hasSize(1);
        long second = rows.row(fresh[0], n, null, n * 3 / 4, n / 3, true, "QUICK");
        assertThat(idsOnDataset(fresh[0])).isEqualTo(made);
        JsonPath benchmark = as("alice").get("/api/benchmarks/{id}", made.get(0)).then().statusCode(200).extract()
                .jsonPath();
        assertThat(benchmark.getString("suite")).isEqualTo("QUICK");
        assertThat(benchmark.getList("epsilons", Double.class)).containsExactly(Submissions.EPSILON);
        assertThat(benchmark.getInt("rows")).isEqualTo(2);
        assertThat(as("alice").get("/api/benchmarks/{id}/leaderboard", made.get(0)).then().extract().jsonPath()
                .getList("items.modelVersionId", Long.class)).containsExactlyInAnyOrder(first, second);
        assertThat(audit.count("action = ?1 and objectId = ?2", "benchmark.create", String.valueOf(made.get(0))))
                .isEqualTo(1);
    }

    @Test
    void onlyMlEngineersOfTheTeamQueueEvaluationsOnABenchmarkOnceEach() {
        long benchmark = BenchmarkRows.benchmark(datasetId, unique("queue"), "QUICK");
        long model = made.model(datasetId);
        as("dana").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                .post("/api/benchmarks/{id}/evaluations", benchmark).then().statusCode(403);
        as("bob").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                .post("/api/benchmarks/{id}/evaluations", benchmark).then().statusCode(404);
        as("alice").contentType(ContentType.JSON).body(Map.of())
                .post("/api/benchmarks/{id}/evaluations", benchmark).then().statusCode(400)
                .body("detail", containsString("modelVersionId"));
        long job = as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                .post("/api/benchmarks/{id}/evaluations", benchmark).then().statusCode(201)
                .body("kind", equalTo("EVALUATE")).body("evaluatedModelVersionId", equalTo((int) model))
                .extract().jsonPath().getLong("id");
        try {
            as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                    .post("/api/benchmarks/{id}/evaluations", benchmark).then().statusCode(409);
            assertThat(links.benchmarkOf(job)).contains(benchmark);
        } finally {
            // A hand-made model has no artifact for a worker to load: end the job before one tries.
            as("alice").post("/api/jobs/{id}/cancel", job);
        }
    }

    private static List<Long> idsOnDataset(long dataset) {
        return as("alice").get("/api/benchmarks?size=500").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.datasetVersionId == " + dataset + " }.id", Long.class);
    }

    private static void refused(Map<String, Object> body, int status, String because) {
        as("alice").contentType(ContentType.JSON).body(body).post("/api/benchmarks").then().statusCode(status)
                .contentType("application/problem+json").body("detail", containsString(because));
    }

    private static Map<String, Object> definition(String name) {
        return Map.of("name", name, "datasetVersionId", datasetId, "norm", "LINF", "epsilons", List.of(0.1),
                "suite", "QUICK");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(definition(unique("bad")));
        body.put(field, value);
        return body;
    }

    private static List<Long> allIds(String user) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath p = as(user).get("/api/benchmarks?size=500&page=" + page).then().statusCode(200).extract()
                    .jsonPath();
            List<Long> items = p.getList("items.id", Long.class);
            ids.addAll(items);
            if (items.size() < 500) {
                return ids;
            }
        }
    }

    private static long total(String user) {
        return as(user).get("/api/benchmarks?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
