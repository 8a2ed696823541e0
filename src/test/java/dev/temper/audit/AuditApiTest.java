package dev.temper.audit;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.dataset.BarImagesIdx;
import dev.temper.testsupport.Jobs;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit API: admins see, filter and export every team's trail, anchor it, and refusals are recorded. */
@QuarkusTest
class AuditApiTest {

    @Test
    void anAdminSeesEntriesOfTeamsTheyDoNotBelongTo() throws Exception {
        // erin belongs to team-b only.
        long dataset = BarImagesIdx.register("alice", "audit-admin-bars", 100, 3);
        JsonPath teamA = as("erin").get("/api/audit?team=team-a&action=dataset.register&objectId={id}", dataset)
                .then().statusCode(200).extract().jsonPath();
        assertThat(teamA.getList("items.actor", String.class)).containsExactly("alice");
        assertThat(teamA.getList("items.team", String.class)).containsExactly("team-a");

        as("dana").post("/api/datasets/{id}/archive", 987_654).then().statusCode(403);
        JsonPath page = as("erin").get("/api/audit?actor=dana&action=dataset.archive&size=500").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.actor", String.class)).isNotEmpty().containsOnly("dana");
        assertThat(page.getList("items.outcome", String.class)).containsOnly("DENIED");
        assertThat(page.getList("items.objectId", String.class)).contains("987654");
        assertThat(page.getList("items.details", String.class)).allSatisfy(d -> assertThat(d).startsWith("403 "));
        assertThat(page.getLong("total")).isEqualTo(page.getList("items").size());
    }

    @Test
    void refusedJobAndDatasetWritesAreAudited() {
        as("dana").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", "x",
                "datasetVersionId", 1)).post("/api/jobs").then().statusCode(403);
        as("dana").post("/api/jobs/{id}/cancel", 876_543).then().statusCode(403);
        as("alice").post("/api/jobs/{id}/retry", 0).then()
                .statusCode(404);
        JsonPath jobs = as("erin").get("/api/audit?actor=dana&objectType=TrainingJob&size=500").then()
                .statusCode(200).extract().jsonPath();
        assertThat(jobs.getList("items.action", String.class)).contains("job.submit", "job.cancelled");
        assertThat(jobs.getList("items.outcome", String.class)).containsOnly("DENIED");
        // A 404 is not a refusal: nothing about another team's (or no) object is written down.
        as("erin").get("/api/audit?actor=alice&action=job.retry&objectId=0").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void filtersNarrowTheListAndBadFiltersAre400s() {
        as("erin").get("/api/audit?from=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("from must be an ISO-8601 instant"));
        as("erin").get("/api/audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z").then().statusCode(400);
        as("erin").get("/api/audit?from=2999-01-01T00:00:00Z").then().statusCode(200).body("total", equalTo(0));
        as("erin").get("/api/audit?team=no-such-team").then().statusCode(200).body("total", equalTo(0));
        as("erin").get("/api/audit?sort=hash").then().statusCode(400);
    }

    @Test
    void exportsStreamTheFilteredTrailAsJsonLinesAndCsvToAdminsOnly() {
        as("dana").post("/api/datasets/{id}/restore", 765_432).then().statusCode(403);
        String jsonl = as("erin").get("/api/audit/export.jsonl?actor=dana&action=dataset.restore").then()
                .statusCode(200).header("Content-Disposition", containsString("audit.jsonl")).extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonPath entry = new JsonPath(line);
            assertThat(entry.getString("actor")).isEqualTo("dana");
            assertThat(entry.getString("action")).isEqualTo("dataset.restore");
            assertThat(entry.getString("hash")).hasSize(64);
        });
        String csv = as("erin").get("/api/audit/export.csv?actor=dana&action=dataset.restore").then()
                .statusCode(200).extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo(AuditExport.CSV_HEADER);
        assertThat(rows).hasSize(lines.size() + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).contains(",dana,", "dataset.restore"));

        as("alice").get("/api/audit/export.csv").then().statusCode(403);
        as("dana").get("/api/audit/export.jsonl").then().statusCode(403);
        given().get("/api/audit/export.jsonl").then().statusCode(401);
    }

    @Test
    void adminsAnchorTheChainAndReadTheAnchorBackFromTheStore() {
        JsonPath anchor = as("erin").post("/api/audit/anchors").then().statusCode(201).extract().jsonPath();
        long id = anchor.getLong("id");
        assertThat(anchor.getString("artifactKey")).startsWith("audit/anchors/" + id + "-").endsWith(".json");
        assertThat(anchor.getLong("entryCount")).isPositive();
        JsonPath listed = as("erin").get("/api/audit/anchors").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getLong("items[0].id")).isEqualTo(id);
        as("erin").get("/api/audit/anchors/{id}/artifact", id).then().statusCode(200)
                .header("Content-Disposition", containsString("audit-anchor-" + id))
                .body("anchorId", equalTo((int) id))
                .body("lastSeq", equalTo(anchor.getInt("lastSeq")))
                .body("lastHash", equalTo(anchor.getString("lastHash")));
        as("erin").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true))
                .body("anchorId", equalTo((int) id));
        as("erin").get("/api/audit/anchors/{id}/artifact", 99_999_999).then().statusCode(404);

        as("alice").post("/api/audit/anchors").then().statusCode(403);
        as("carol").get("/api/audit/anchors").then().statusCode(403);
        as("dana").get("/api/audit/verification").then().statusCode(403);
        given().post("/api/audit/anchors").then().statusCode(401);
        given().get("/api/audit/anchors").then().statusCode(401);
    }

    @Test
    void aWorkersActionsAreRecordedAsTheWorkerNeverAsThePersonWhoCreatedTheJob() throws Exception {
        long dataset = BarImagesIdx.register("alice", "audit-worker-bars", 600, 11);
        long job = as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName",
                        "audit-worker-cnn", "datasetVersionId", dataset, "architecture", Map.of("type", "CNN",
                                "height", 28, "width", 28, "channels", 1, "convFilters", List.of(4),
                                "denseWidths", List.of(8)), "strategy", Map.of("epochs", 1)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(Jobs.awaitFinished("alice", job).getString("state")).isEqualTo("SUCCEEDED");

        List<Map<String, Object>> entries = as("erin").get("/api/audit?objectType=TrainingJob&objectId={id}&size=500",
                job).then().statusCode(200).extract().jsonPath().getList("items");
        String worker = "worker:job-" + job;
        assertThat(entries).extracting(e -> e.get("action") + " by " + e.get("actor"))
                .contains("job.submit by alice", "job.start by " + worker, "job.succeeded by " + worker);
        assertThat(entries).filteredOn(e -> !"job.submit".equals(e.get("action")))
                .allSatisfy(e -> assertThat(e.get("actor")).isEqualTo(worker));
        List<String> modelActors = as("erin").get("/api/audit?action=model.register&actor={a}", worker).then()
                .statusCode(200).extract().jsonPath().getList("items.details", String.class);
        assertThat(modelActors).anySatisfy(d -> assertThat(d).contains("from job " + job));
    }
}
