package dev.temper.dataset;

import static dev.temper.dataset.DatasetUploads.upload;
import static dev.temper.dataset.DatasetUploads.zip;
import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.temper.dataset.DatasetUploads.Footprint;
import dev.temper.dataset.format.UploadFixtures;
import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What happens to versions after upload, through the REST API: cleaning, rebalancing, re-splitting and
 * shifting derive new versions with lineage; label-noise searches run in the background and their
 * reviewed suspects are excluded; versions are archived, and deleted only while unused; every change is
 * audited; viewers and other teams are refused.
 */
@QuarkusTest
class DatasetLifecycleApiTest {

    @Test
    void cleaningDerivesVersionsWithLineageAndRemovesLeakage() {
        // Rows p1..p4 again under other ids: exact duplicates by value, which always share a split.
        String withCopies = DatasetUploads.uniqueIris("dups") + UploadFixtures.validCsv().lines().skip(1).limit(4)
                .map(line -> "copy-" + line).collect(Collectors.joining("\n", "", "\n"));
        JsonPath parent = csvWithIds("dups", withCopies).statusCode(201).extract().jsonPath();
        long parentId = parent.getLong("id");
        assertThat(as("alice").get("/api/datasets/{id}/profile", parentId).then().extract().jsonPath()
                .getInt("duplicates.duplicateSamples")).isEqualTo(4);

        JsonPath cleaned = derive(parentId, Map.of("operation", "drop-duplicates")).statusCode(201).extract().jsonPath();
        long cleanedId = cleaned.getLong("id");
        assertThat(cleaned.getInt("rowCount")).isEqualTo(UploadFixtures.CSV_ROWS + 1);
        assertThat(cleaned.getLong("parentId")).isEqualTo(parentId);
        assertThat(cleaned.getString("operation")).isEqualTo("drop-duplicates");
        assertThat(cleaned.getString("description")).startsWith("Dropped 4 exact duplicates");
        assertThat(cleaned.getInt("version")).isEqualTo(parent.getInt("version") + 1);
        assertThat(as("alice").get("/api/datasets/{id}/profile", cleanedId).then().extract().jsonPath()
                .getInt("duplicates.duplicateSamples")).isZero();
        // The same operation on the same parent gives the same content: reused, not stored twice.
        derive(parentId, Map.of("operation", "drop-duplicates")).statusCode(200).body("id", equalTo((int) cleanedId))
                .body("reused", equalTo(true));

        JsonPath resplit = derive(cleanedId, Map.of("operation", "resplit", "train", 0.5, "validation", 0.25,
                "test", 0.25, "seed", 99)).statusCode(201).extract().jsonPath();
        assertThat(resplit.getDouble("splits.train")).isEqualTo(0.5);
        assertThat(resplit.getLong("splitSeed")).isEqualTo(99);
        assertThat(resplit.getInt("trainCount")).isBetween(15, 16);
        assertThat(resplit.getInt("trainCount") + resplit.getInt("validationCount") + resplit.getInt("testCount"))
                .isEqualTo(UploadFixtures.CSV_ROWS + 1);

        List<Map<String, Object>> lineage = as("alice").get("/api/datasets/{id}/lineage", resplit.getLong("id"))
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(lineage).extracting(v -> v.get("operation")).containsExactly("resplit", "drop-duplicates", "upload");
        assertThat(lineage.get(0).get("parameters")).isEqualTo(Map.of("train", 0.5f, "validation", 0.25f,
                "test", 0.25f, "seed", 99));
    }

    @Test
    void missingValuesAreImputedFromTheTrainSplitAndRebalancingEvensTrainOnly() {
        String gaps = DatasetUploads.uniqueIris("gaps").replaceFirst("\np3,[^,]*,", "\np3,NA,");
        long parentId = csvWithIds("gaps", gaps).statusCode(201).extract().jsonPath().getLong("id");
        JsonPath imputed = derive(parentId, Map.of("operation", "impute-missing", "method", "median")).statusCode(201)
                .extract().jsonPath();
        assertThat(imputed.getInt("missingSamples")).isZero();
        assertThat(imputed.getMap("parameters")).containsEntry("method", "median");

        long skewedId = csvWithIds("skewed", DatasetUploads.uniqueIris("skewed").lines()
                .filter(line -> !line.endsWith(",setosa") || line.startsWith("p1,") || line.startsWith("p4,"))
                .collect(Collectors.joining("\n", "", "\n"))).statusCode(201).extract().jsonPath().getLong("id");
        JsonPath balanced = derive(skewedId, Map.of("operation", "rebalance", "mode", "oversample", "seed", 3))
                .statusCode(201).extract().jsonPath();
        JsonPath profile = as("alice").get("/api/datasets/{id}/profile", balanced.getLong("id")).then().extract()
                .jsonPath();
        List<Integer> trainPerClass = profile.getList("classes.perSplit.train", Integer.class);
        assertThat(Set.copyOf(trainPerClass)).hasSize(1);
        JsonPath before = as("alice").get("/api/datasets/{id}", skewedId).then().extract().jsonPath();
        assertThat(balanced.getInt("testCount")).isEqualTo(before.getInt("testCount"));
    }

    @Test
    void imagesGetShiftedAndCorruptedCopiesForDomainShiftEvaluation() {
        long parentId = zip("alice", "shapes-shift", UploadFixtures.grayImageZip()).statusCode(201).extract().jsonPath()
                .getLong("id");
        JsonPath noisy = derive(parentId, Map.of("operation", "shift", "kind", "gaussian-noise", "amount", 0.2,
                "seed", 5)).statusCode(201).extract().jsonPath();
        assertThat(noisy.getString("operation")).isEqualTo("shift");
        assertThat(noisy.getMap("parameters")).containsEntry("kind", "gaussian-noise");
        assertThat(noisy.getInt("rowCount")).isEqualTo(as("alice").get("/api/datasets/{id}", parentId).then()
                .extract().jsonPath().getInt("rowCount"));
        JsonPath blurred = derive(parentId, Map.of("operation", "shift", "kind", "corruption", "corruption", "blur",
                "severity", 3)).statusCode(201).extract().jsonPath();
        assertThat(blurred.getString("sha256")).isNotEqualTo(noisy.getString("sha256"));

        Footprint before = Footprint.now();
        derive(parentId, Map.of("operation", "shift", "kind", "scale", "amount", 2)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("tabular"));
        derive(parentId, Map.of("operation", "shift", "kind", "corruption", "corruption", "blur", "severity", 9))
                .statusCode(400).body("detail", containsString("severity"));
        derive(parentId, Map.of("operation", "shuffle")).statusCode(400)
                .body("detail", containsString("operation: 'shuffle' is not one of"));
        derive(parentId, Map.of("operation", "exclude-samples", "indices", List.of(1000))).statusCode(400)
                .body("detail", containsString("1000"));
        derive(parentId, Map.of("operation", "relabel", "newLabels", Map.of("0", "hexagon"))).statusCode(400)
                .body("detail", containsString("hexagon"));
        before.assertUnchanged();
    }

    @Test
    void aDerivationThatLeavesNoSamplesOrInfiniteValuesIsRefused() {
        long parentId = upload("alice", "derive-bounds", Map.of("labelColumn", "species"), "file", "b.csv",
                CsvFixtures.blobs(30, 77).getBytes(StandardCharsets.UTF_8)).statusCode(201).extract().jsonPath()
                .getLong("id");
        Footprint before = Footprint.now();
        derive(parentId, Map.of("operation", "shift", "kind", "scale", "amount", 1e308)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("infinite"));
        derive(parentId, Map.of("operation", "exclude-samples", "indices", IntStream.range(0, 30).boxed().toList()))
                .statusCode(400).body("detail", containsString("leaves no samples"));
        before.assertUnchanged();
    }

    @Test
    void aLabelNoiseSearchFindsPlantedErrorsAndTheirExclusionIsANewVersion() {
        NoisyLabels data = NoisyLabels.generate(600, 0.05, 42);
        long id = upload("alice", "insects", Map.of("labelColumn", "insect", "idColumn", "sample"), "file",
                "insects.csv", data.csv().getBytes(StandardCharsets.UTF_8)).statusCode(201).extract().jsonPath()
                .getLong("id");
        as("dana").post("/api/datasets/{id}/label-noise", id).then().statusCode(403);
        as("bob").post("/api/datasets/{id}/label-noise", id).then().statusCode(404);
        as("alice").post("/api/datasets/{id}/label-noise", id).then().statusCode(202).body("state", equalTo("RUNNING"));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"RUNNING".equals(as("alice").get("/api/datasets/{id}/label-noise", id).then().extract().path("state")));
        JsonPath search = as("dana").get("/api/datasets/{id}/label-noise", id).then().statusCode(200).extract().jsonPath();
        assertThat(search.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(search.getDouble("progress")).isEqualTo(1.0);
        assertThat(search.getDouble("outOfFoldAccuracy")).isGreaterThan(0.8);
        List<String> suspectIds = search.getList("suspects.id", String.class);
        long found = suspectIds.stream().filter(data.flippedIds()::contains).count();
        double recall = found / (double) data.flippedIds().size();
        double precision = found / (double) suspectIds.size();
        System.out.printf("label noise: %d planted, %d suspects, recall %.2f, precision %.2f%n",
                data.flippedIds().size(), suspectIds.size(), recall, precision);
        assertThat(recall).isGreaterThan(0.6);
        assertThat(precision).isGreaterThan(0.5);

        List<Integer> reviewed = search.getList("suspects.index", Integer.class);
        JsonPath cleaned = derive(id, Map.of("operation", "exclude-samples", "indices", reviewed)).statusCode(201)
                .extract().jsonPath();
        assertThat(cleaned.getInt("rowCount")).isEqualTo(600 - reviewed.size());
        assertThat(cleaned.getString("operation")).isEqualTo("exclude-samples");
    }

    @Test
    void usedVersionsAreArchivedNotDeletedAndEveryChangeIsAudited() {
        long usedId = csvWithIds("used", DatasetUploads.uniqueIris("used")).statusCode(201)
                .extract().jsonPath().getLong("id");
        as("alice").contentType("application/json").body(Map.of("kind", "PRETRAIN", "modelName", "uses-it",
                "datasetVersionId", usedId, "strategy", Map.of("epochs", 1))).post("/api/jobs").then().statusCode(201);
        as("alice").delete("/api/datasets/{id}", usedId).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("archive it instead"));

        as("dana").post("/api/datasets/{id}/archive", usedId).then().statusCode(403);
        as("bob").post("/api/datasets/{id}/archive", usedId).then().statusCode(404);
        as("alice").post("/api/datasets/{id}/archive", usedId).then().statusCode(200).body("archived", equalTo(true))
                .body("archivedBy", equalTo("alice"));
        // Newest first, so that the version would be on the first page if it were listed.
        as("alice").get("/api/datasets?sort=created,desc").then().statusCode(200)
                .body("items.id", not(hasItem((int) usedId)));
        as("alice").get("/api/datasets?archived=true&sort=created,desc").then().statusCode(200)
                .body("items.id", hasItem((int) usedId));
        as("alice").contentType("application/json").body(Map.of("kind", "PRETRAIN", "modelName", "archived-data",
                "datasetVersionId", usedId, "strategy", Map.of("epochs", 1))).post("/api/jobs").then().statusCode(400)
                .body("detail", containsString("is archived"));
        as("alice").post("/api/datasets/{id}/restore", usedId).then().statusCode(200).body("archived", equalTo(false));

        long parentId = csvWithIds("parent", DatasetUploads.uniqueIris("parent")).statusCode(201)
                .extract().jsonPath().getLong("id");
        long childId = derive(parentId, Map.of("operation", "resplit", "seed", 1)).statusCode(201).extract().jsonPath()
                .getLong("id");
        as("alice").delete("/api/datasets/{id}", parentId).then().statusCode(409)
                .body("detail", containsString("parent of derived versions"));
        as("dana").delete("/api/datasets/{id}", childId).then().statusCode(403);
        as("bob").delete("/api/datasets/{id}", childId).then().statusCode(404);
        as("alice").delete("/api/datasets/{id}", childId).then().statusCode(204);
        as("alice").get("/api/datasets/{id}", childId).then().statusCode(404);

        JsonPath audit = as("erin").get("/api/audit?size=500").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action", String.class)).contains("dataset.register", "dataset.derive",
                "dataset.archive", "dataset.restore", "dataset.delete");
        assertThat(audit.getList("items.findAll { it.action == 'dataset.delete' }.objectId", String.class))
                .contains(String.valueOf(childId));
        as("erin").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void viewersAndOtherTeamsCannotDerive() {
        long id = csvWithIds("guarded", DatasetUploads.uniqueIris("guarded")).statusCode(201)
                .extract().jsonPath().getLong("id");
        Footprint before = Footprint.now();
        as("dana").contentType("application/json").body(Map.of("operation", "drop-duplicates"))
                .post("/api/datasets/{id}/derive", id).then().statusCode(403).contentType("application/problem+json");
        as("bob").contentType("application/json").body(Map.of("operation", "drop-duplicates"))
                .post("/api/datasets/{id}/derive", id).then().statusCode(404);
        as("bob").get("/api/datasets/{id}/label-noise", id).then().statusCode(404);
        before.assertUnchanged();
    }

    private static ValidatableResponse csvWithIds(String name, String csv) {
        return DatasetUploads.iris("alice", name, csv);
    }

    private static ValidatableResponse derive(long id, Map<String, Object> body) {
        return as("alice").contentType("application/json").body(body).post("/api/datasets/{id}/derive", id).then();
    }
}
