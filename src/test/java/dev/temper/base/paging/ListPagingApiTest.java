package dev.temper.base.paging;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.temper.base.Json;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.training.JobState;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingJobRepository;
import dev.temper.training.TrainingSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every list endpoint pages in the database: walking a list page by page meets each row once, in the order
 * asked for, and as many rows as the total says, even where the sort column ties (rows made with one
 * timestamp); pages out of bounds and unknown sorts are refused; bob's pages never hold team-a's rows; dana
 * the viewer reads the lists; list rows carry no settings or manifest JSON.
 */
@QuarkusTest
class ListPagingApiTest {

    /** Names this run's rows share, so that a name filter finds exactly them in the shared database. */
    private static final String RUN = "paging-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String[] PATHS = {"/api/models", "/api/datasets", "/api/jobs", "/api/approvals",
            "/api/audit"};

    private static long datasetA;
    private static long datasetB;
    private static final List<Long> modelsA = new ArrayList<>();
    private static final List<Long> modelsB = new ArrayList<>();
    private static final List<Long> jobsA = new ArrayList<>();
    private static final List<Long> approvalsA = new ArrayList<>();
    private static final List<Long> rejectedA = new ArrayList<>();

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;

    @BeforeEach
    void rowsOfBothTeams() {
        if (datasetA != 0) {
            return;
        }
        Random seeds = new Random();
        List<Long> uploadsA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uploadsA.add(upload("alice", RUN + "-d" + i, seeds.nextLong()));
        }
        datasetA = uploadsA.get(0);
        // bob's dataset has the same name as one of alice's: a name filter must not reach across teams.
        datasetB = upload("bob", RUN + "-d0", seeds.nextLong());

        // One timestamp for all rows: only the tie-breaker keeps the pages apart.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJob trainedA = job("team-a", datasetA, JobKind.PRETRAIN, JobState.SUCCEEDED, at);
            TrainingJob trainedB = job("team-b", datasetB, JobKind.PRETRAIN, JobState.SUCCEEDED, at);
            jobsA.add(trainedA.id);
            int[][] nameAndVersion = {{0, 1}, {0, 2}, {0, 3}, {1, 1}, {1, 2}, {2, 1}, {2, 2}};
            for (int[] nv : nameAndVersion) {
                modelsA.add(model(trainedA, RUN + "-m" + nv[0], nv[1], at).id);
            }
            modelsB.add(model(trainedB, RUN + "-m0", 1, at).id);
            modelsB.add(model(trainedB, RUN + "-m0", 2, at).id);
            JobState[] states = {JobState.FAILED, JobState.CANCELLED, JobState.SUCCEEDED};
            for (int i = 0; i < 6; i++) {
                jobsA.add(job("team-a", datasetA, i % 2 == 0 ? JobKind.PRETRAIN : JobKind.FINETUNE, states[i % 3],
                        at).id);
            }
            job("team-b", datasetB, JobKind.PRETRAIN, JobState.FAILED, at);
        });

        for (long model : modelsA.subList(0, 5)) {
            approvalsA.add(as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                    .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        for (long approval : approvalsA.subList(0, 2)) {
            as("carol").contentType(ContentType.JSON).body(Map.of("approve", false, "comment", "not yet"))
                    .post("/api/approvals/{id}/decision", approval).then().statusCode(200);
            rejectedA.add(approval);
        }
        as("bob").contentType(ContentType.JSON).body(Map.of("modelVersionId", modelsB.get(0)))
                .post("/api/approvals").then().statusCode(201);
    }

    @Test
    void modelPagesMeetEveryRowOnceInTheOrderAskedFor() {
        List<Map<String, Object>> byCreated = walk("alice", "/api/models", Map.of("name", RUN, "sort",
                "created,desc"), 2);
        assertThat(ids(byCreated)).containsExactlyInAnyOrderElementsOf(modelsA);
        // All rows share one creation time: the tie-breaker (id, descending) decides.
        assertThat(ids(byCreated)).isSortedAccordingTo(Comparator.reverseOrder());

        List<Map<String, Object>> byDefault = walk("alice", "/api/models", Map.of("name", RUN.toUpperCase()), 3);
        assertThat(byDefault).isSortedAccordingTo(Comparator
                .comparing((Map<String, Object> m) -> (String) m.get("name"))
                .thenComparing(m -> (Integer) m.get("version"), Comparator.reverseOrder()));
        assertThat(ids(byDefault)).containsExactlyInAnyOrderElementsOf(modelsA);

        List<Map<String, Object>> byVersion = walk("alice", "/api/models", Map.of("name", RUN, "sort",
                "version,desc"), 2);
        assertThat(byVersion).extracting(m -> (Integer) m.get("version"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(walk("alice", "/api/models", Map.of("name", RUN + "-m1", "sort", "name"), 1)).hasSize(2);
        // Wildcards in the filter match themselves only.
        assertThat(walk("alice", "/api/models", Map.of("name", RUN.replace('-', '_')), 5)).isEmpty();

        // The team filter narrows to one of the caller's teams; another team's name lists nothing.
        assertThat(walk("alice", "/api/models", Map.of("name", RUN, "team", "team-a"), 4)).hasSize(modelsA.size());
        assertThat(walk("alice", "/api/models", Map.of("name", RUN, "team", "team-b"), 4)).isEmpty();
        assertThat(walk("bob", "/api/models", Map.of("team", "team-a"), 4)).isEmpty();
    }

    @Test
    void datasetJobAndApprovalPagesMeetEveryRowOnce() {
        List<Map<String, Object>> versions = walk("alice", "/api/datasets", Map.of("name", RUN, "sort",
                "created,desc"), 2);
        assertThat(versions).hasSize(3).allSatisfy(v -> assertThat(v.get("team")).isEqualTo("team-a"));
        assertThat(versions).extracting(v -> time(v.get("createdAt"))).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(walk("alice", "/api/datasets", Map.of("name", RUN, "sort", "name,desc"), 1))
                .extracting(v -> (String) v.get("name")).containsExactly(RUN + "-d2", RUN + "-d1", RUN + "-d0");

        List<Map<String, Object>> datasetJobs = walk("alice", "/api/jobs",
                Map.of("datasetVersionId", datasetA, "sort", "created,desc"), 2);
        assertThat(ids(datasetJobs)).containsExactlyInAnyOrderElementsOf(jobsA)
                .isSortedAccordingTo(Comparator.reverseOrder());
        List<Map<String, Object>> failed = walk("alice", "/api/jobs", Map.of("datasetVersionId", datasetA,
                "state", "failed"), 1);
        assertThat(failed).hasSize(2).allSatisfy(j -> assertThat(j.get("state")).isEqualTo("FAILED"));
        assertThat(walk("alice", "/api/jobs", Map.of("datasetVersionId", datasetA, "kind", "FINETUNE"), 2))
                .hasSize(3).allSatisfy(j -> assertThat(j.get("kind")).isEqualTo("FINETUNE"));
        assertThat(walk("alice", "/api/jobs", Map.of("datasetVersionId", datasetA, "sort", "state"), 3))
                .extracting(j -> (String) j.get("state")).isSorted();

        List<Map<String, Object>> approvals = walk("alice", "/api/approvals", Map.of(), 2);
        assertThat(ids(approvals)).containsAll(approvalsA);
        assertThat(approvals).extracting(a -> time(a.get("requestedAt")))
                .isSortedAccordingTo(Comparator.reverseOrder());
        List<Map<String, Object>> rejected = walk("alice", "/api/approvals", Map.of("state", "REJECTED"), 1);
        assertThat(ids(rejected)).containsAll(rejectedA);
        assertThat(rejected).allSatisfy(r -> assertThat(r.get("state")).isEqualTo("REJECTED"));
        assertThat(walk("alice", "/api/approvals", Map.of("sort", "state,asc"), 3))
                .extracting(r -> (String) r.get("state")).isSorted();
    }

    @Test
    void auditPagesFollowEachOtherInTimeWithATotal() {
        // Oldest first: entries written meanwhile land after these pages, so the pages stay put.
        List<Map<String, Object>> seen = new ArrayList<>();
        long total = 0;
        for (int page = 0; page < 3; page++) {
            JsonPath json = as("erin").queryParam("sort", "time,asc").queryParam("page", page).queryParam("size", 3)
                    .get("/api/audit").then().statusCode(200).extract().jsonPath();
            assertThat(json.getList("items")).hasSize(3);
            assertThat(json.getInt("page")).isEqualTo(page);
            assertThat(json.getInt("size")).isEqualTo(3);
            total = json.getLong("total");
            seen.addAll(json.getList("items"));
        }
        assertThat(total).isGreaterThanOrEqualTo(9);
        assertThat(ids(seen)).doesNotHaveDuplicates();
        assertThat(seen).extracting(e -> time(e.get("occurredAt"))).isSorted();
        // Newest first by default.
        JsonPath newest = as("erin").queryParam("size", 50).get("/api/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(newest.getList("items.occurredAt", String.class)).extracting(Instant::parse)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(newest.getLong("total")).isGreaterThanOrEqualTo(total);
    }

    @Test
    void bobsPagesHoldNoneOfTeamAsRows() {
        Map<String, Map<String, Object>> lists = Map.of("/api/models", Map.of(), "/api/datasets",
                Map.of("archived", true), "/api/jobs", Map.of(), "/api/approvals", Map.of());
        for (var list : lists.entrySet()) {
            List<Map<String, Object>> rows = walk("bob", list.getKey(), list.getValue(), 50);
            assertThat(rows).as(list.getKey()).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("team")).isEqualTo("team-b"));
        }
        assertThat(ids(walk("bob", "/api/models", Map.of("name", RUN), 1)))
                .containsExactlyInAnyOrderElementsOf(modelsB);
        assertThat(ids(walk("bob", "/api/datasets", Map.of("name", RUN), 1))).containsExactly(datasetB);
        assertThat(walk("bob", "/api/jobs", Map.of("datasetVersionId", datasetA), 10)).isEmpty();
        as("bob").get("/api/audit").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void danaTheViewerReadsEveryListAndUnsignedCallersReadNone() {
        assertThat(walk("dana", "/api/models", Map.of("name", RUN), 10)).hasSize(modelsA.size());
        assertThat(walk("dana", "/api/datasets", Map.of("name", RUN), 10)).hasSize(3);
        assertThat(walk("dana", "/api/jobs", Map.of("datasetVersionId", datasetA), 10)).hasSize(jobsA.size());
        assertThat(ids(walk("dana", "/api/approvals", Map.of("state", "OPEN"), 50)))
                .containsAll(approvalsA.subList(2, 5));
        as("dana").get("/api/audit").then().statusCode(403);
        for (String path : PATHS) {
            given().get(path).then().statusCode(401);
            given().header("Authorization", "Bearer not-a-token").get(path + "?page=0&size=10").then().statusCode(401);
        }
    }

    @Test
    void pagesOutOfBoundsAndUnknownSortsAndFiltersAreRefused() {
        for (String path : PATHS) {
            refused(path, Map.of("size", 501), "size must be between 1 and 500, got 501");
            refused(path, Map.of("size", 0), "size must be between 1 and 500");
            refused(path, Map.of("page", -1), "page must be between 0");
            refused(path, Map.of("page", "two"), "page must be a whole number, got 'two'");
            refused(path, Map.of("sort", "secret"), "cannot sort by 'secret'");
            refused(path, Map.of("sort", "id; drop table audit_entry"), "cannot sort by");
        }
        refused("/api/models", Map.of("sort", "name,sideways"), "'column,desc'");
        refused("/api/jobs", Map.of("state", "DREAMING"), "state must be one of [QUEUED");
        refused("/api/jobs", Map.of("kind", "bake"), "kind must be one of");
        refused("/api/jobs", Map.of("datasetVersionId", "first"), "datasetVersionId must be an id");
        refused("/api/approvals", Map.of("state", "MAYBE"), "state must be one of [OPEN");
        // The largest page is served.
        as("alice").queryParam("size", 500).get("/api/jobs").then().statusCode(200).body("size", equalTo(500));
    }

    @Test
    void listRowsCarryNoSettingsOrManifestButSingleReadsDo() {
        long model = modelsA.get(0);
        as("alice").queryParam("name", RUN).get("/api/models").then().statusCode(200)
                .body("items[0]", not(hasKey("manifest"))).body("items[0]", not(hasKey("settings")))
                .body("items[0]", hasKey("datasetVersion"));
        as("alice").get("/api/models/{id}", model).then().statusCode(200).body("$", hasKey("manifest"))
                .body("$", hasKey("settings"));
        as("alice").queryParam("datasetVersionId", datasetA).get("/api/jobs").then().statusCode(200)
                .body("items[0]", not(hasKey("settings"))).body("items[0]", hasKey("progress"));
        as("alice").get("/api/jobs/{id}", jobsA.get(0)).then().statusCode(200).body("settings.strategy.epochs",
                equalTo(1));
        as("alice").queryParam("name", RUN).get("/api/datasets").then().statusCode(200)
                .body("items[0]", not(hasKey("featureNames"))).body("items[0]", not(hasKey("classCounts")))
                .body("items[0].classCount", equalTo(CsvFixtures.CLASSES.length));
        as("alice").get("/api/datasets/{id}", datasetA).then().statusCode(200)
                .body("featureNames.size()", equalTo(CsvFixtures.FEATURES));
    }

    /**
     * Reads a list page by page until a page comes back short, checking each page's place and the total
     * against the rows met; no row may be met twice.
     */
    private static List<Map<String, Object>> walk(String user, String path, Map<String, Object> params, int size) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long total = -1;
        for (int page = 0; page < 1_000; page++) {
            JsonPath json = as(user).queryParams(params).queryParam("page", page).queryParam("size", size)
                    .get(path).then().statusCode(200).extract().jsonPath();
            assertThat(json.getInt("page")).isEqualTo(page);
            assertThat(json.getInt("size")).isEqualTo(size);
            if (total < 0) {
                total = json.getLong("total");
            }
            assertThat(json.getLong("total")).as("total of %s page %d", path, page).isEqualTo(total);
            List<Map<String, Object>> items = json.getList("items");
            assertThat(items.size()).isLessThanOrEqualTo(size);
            rows.addAll(items);
            if (items.size() < size) {
                break;
            }
        }
        assertThat(rows).as("rows met on the pages of %s", path).hasSize((int) total);
        assertThat(ids(rows)).as("ids on the pages of %s", path).doesNotHaveDuplicates();
        return rows;
    }

    private static Instant time(Object isoInstant) {
        return Instant.parse((String) isoInstant);
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    private static void refused(String path, Map<String, Object> params, String detail) {
        as("erin").queryParams(params).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(detail)).body("detail", not(containsString("dev.temper")));
    }

    private static long upload(String user, String name, long seed) {
        byte[] csv = CsvFixtures.blobs(61, seed).getBytes(StandardCharsets.UTF_8);
        return as(user).multiPart("name", name).multiPart("labelColumn", "species")
                .multiPart("file", name + ".csv", csv, "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private TrainingJob job(String team, long datasetId, JobKind kind, JobState state, Instant at) {
        TrainingJob job = new TrainingJob();
        job.team = team;
        job.kind = kind;
        job.state = state;
        job.modelName = RUN;
        job.datasetVersion = datasets.findById(datasetId);
        job.settingsJson = Json.write(new TrainingSettings(TrainingStrategy.of(1, 16, 0.01, 1),
                ArchitectureSpec.mlp(List.of(8))));
        job.epochsTotal = 1;
        job.attempt = 1;
        job.createdBy = team.equals("team-a") ? "alice" : "bob";
        job.createdAt = at;
        job.finishedAt = at;
        jobs.persist(job);
        return job;
    }

    private ModelVersion model(TrainingJob training, String name, int version, Instant at) {
        ModelVersion model = new ModelVersion();
        model.team = training.team;
        model.name = name;
        model.version = version;
        model.sha256 = "cd".repeat(32);
        model.artifactKey = "models/" + training.team + "/" + name + "-" + version + ".zip";
        model.manifestJson = "{\"classes\": [\"alpha\", \"beta\", \"gamma\"]}";
        model.datasetVersion = training.datasetVersion;
        model.jobId = training.id;
        model.settingsJson = training.settingsJson;
        model.createdBy = training.createdBy;
        model.createdAt = at;
        models.persist(model);
        return model;
    }
}
