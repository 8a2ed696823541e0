package dev.temper.modelcard;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.temper.base.Json;
import dev.temper.base.Sha256;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.evaluation.compare.McNemar;
import dev.temper.evaluation.EvaluationRepository;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.registry.ModelArchiveResource;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.storage.ArtifactStore;
import dev.temper.storage.StorageConfig;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.Submissions;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model cards and archives through the API: a team's own cards rendered from its records (viewers read, other
 * teams get 404, nobody unsigned), the intended use stated with the approval request, a card frozen at approval
 * that later records leave unchanged, and a frozen card changed in the database refused with a clear error.
 */
@QuarkusTest
class ModelCardApiTest {

    private static long datasetId;
    private static int testCount;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    FrozenCardRepository frozenCards;
    @Inject
    ArtifactStore store;
    @Inject
    EvaluationRepository evaluations;
    @Inject
    StorageConfig storage;

    private HandMadeEvaluations made;

    @BeforeEach
    void aDatasetExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            JsonPath version = upload("card-blobs", 9044);
            datasetId = version.getLong("id");
            testCount = version.getInt("testCount");
        }
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void aLiveCardIsReadFromTheTeamsRecordsAndComparesWithTheBase() throws Exception {
        long base = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION).withCounts(
                testCount * 9 / 10, testCount / 5));
        long model = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION)
                .withFlags(List.of(new Flag("NOT_MONOTONE", "accuracy rises with epsilon"))), base);

        ExtractableResponse<Response> card = as("alice").get("/api/models/{id}/card", model).then().statusCode(200)
                .contentType(containsString("text/markdown")).extract();
        String markdown = card.asString();
        assertThat(card.header(ModelCardResource.STATE_HEADER)).isEqualTo("LIVE");
        assertThat(card.header(ModelCardResource.SHA256_HEADER))
                .isEqualTo(Sha256.hex(markdown.getBytes(StandardCharsets.UTF_8)));
        assertThat(markdown).contains("## Model details", "## Intended use", "No intended use was stated",
                "## Training data", "card-blobs v1", "## Evaluation data", "## Quantitative analyses",
                "## Ethical considerations and caveats", "reliability check **NOT_MONOTONE** fired", "## Robustness",
                "L-inf, epsilon in standard deviations of each feature on the train split", "95% CI",
                "Compared with the base model", "| Robust accuracy, ε 0.1 |");
        // Paired with the base from both evaluations' per-example outcomes: the base is right clean on the first
        // 90% and robust on the first 20% of the examples, this version on the first 75% and 50%.
        int cleanOnlyBase = testCount * 9 / 10 - testCount * 3 / 4;
        int robustOnlyThis = testCount / 2 - testCount / 5;
        assertThat(markdown).contains("Paired comparison with the base on the same " + testCount + " test examples")
                .contains("| Clean | 0 | " + cleanOnlyBase + " | ")
                .contains("| Robust, ε 0.1 | " + robustOnlyThis + " | 0 | ");
        JsonPath index = as("alice").get("/api/models/{id}/card/model-index", model).then().statusCode(200).extract()
                .jsonPath();
        String paired = "'model-index'[0].results[0].metrics[1].args.paired_with_base";
        assertThat(index.getInt(paired + ".n01")).isEqualTo(robustOnlyThis);
        assertThat(index.getInt(paired + ".n10")).isZero();
        // RestAssured reads JSON numbers as floats: compare to a float's precision.
        assertThat(index.getDouble(paired + ".p_value")).isCloseTo(McNemar.exactPValue(robustOnlyThis, 0),
                withinPercentage(0.001));

        // A viewer of the team reads it; another team's member and an unsigned caller learn nothing.
        as("dana").get("/api/models/{id}/card", model).then().statusCode(200);
        as("bob").get("/api/models/{id}/card", model).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("does not exist"));
        given().get("/api/models/{id}/card", model).then().statusCode(401);
        as("bob").get("/api/models/{id}/card/model-index", model).then().statusCode(404);
        given().get("/api/models/{id}/card/model-index", model).then().statusCode(401);
    }

    @Test
    void aBaseEvaluatedTwiceIsPairedByItsNewestAndAChangedOutcomesFileIsStatedNotFatalAtApproval()
            throws Exception {
        long base = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION));
        // Measured again, better: the newest evaluation is the one the card compares with.
        submit(made.evaluation(base, datasetId), Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION)
                .withCounts(testCount, testCount));
        long model = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION), base);

        String live = as("alice").get("/api/models/{id}/card", model).then().statusCode(200).extract().asString();
        assertThat(live).contains("| Clean | 0 | " + (testCount - testCount * 3 / 4) + " | ");

        // Someone replaces the base's newest per-example file; approving the version still freezes a card,
        // which says why it has no paired test.
        EvaluationResult newest = QuarkusTransaction.requiringNew().call(() ->
                evaluations.find("modelVersion.id = ?1 order by id desc", base).firstResult());
        Files.write(storage.root().resolve(newest.perExampleKey),
                Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION).outcomes().encode());
        approve(model, "Sorting parcels by size.");

        ExtractableResponse<Response> frozen = as("alice").get("/api/models/{id}/card", model).then().statusCode(200)
                .extract();
        assertThat(frozen.header(ModelCardResource.STATE_HEADER)).isEqualTo("FROZEN");
        assertThat(frozen.asString()).contains("No paired per-example test with the base: The per-example outcomes of "
                + "evaluation " + newest.id + " are not the ones recorded").doesNotContain("| Clean | 0 |");
    }

    @Test
    void theModelIndexCarriesTheThreatModelInMetricArgsAsJsonAndYaml() throws Exception {
        long model = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION));

        JsonPath json = as("dana").get("/api/models/{id}/card/model-index", model).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        String robust = "'model-index'[0].results[0].metrics[1]";
        assertThat(json.getString(robust + ".type")).isEqualTo("robust_accuracy");
        assertThat(json.getString(robust + ".args.norm")).isEqualTo("Linf");
        assertThat(json.getDouble(robust + ".args.epsilon")).isEqualTo(Submissions.EPSILON);
        assertThat(json.getString(robust + ".args.unit")).isEqualTo("train_std");
        assertThat(json.getString("'model-index'[0].results[0].dataset.split")).isEqualTo("test");

        String yaml = as("alice").queryParam("format", "yaml").get("/api/models/{id}/card/model-index", model).then()
                .statusCode(200).contentType(containsString("yaml")).extract().asString();
        JsonNode parsed = new YAMLMapper().readTree(yaml);
        assertThat(parsed.at("/model-index/0/results/0/metrics/1/args/epsilon").asDouble()).isEqualTo(Submissions.EPSILON);
        as("alice").queryParam("format", "xml").get("/api/models/{id}/card/model-index", model).then().statusCode(400)
                .body("detail", containsString("json or yaml"));
    }

    @Test
    void theIntendedUseIsStatedWithTheRequestAndBounded() {
        long model = made.model(datasetId);
        as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model, "intendedUse", "x".repeat(2001)))
                .post("/api/approvals").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("intendedUse"));
        as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model, "intendedUse", "  Sorting mail.  "))
                .post("/api/approvals").then().statusCode(201).body("intendedUse", equalTo("Sorting mail."));
        assertThat(as("alice").get("/api/models/{id}/card", model).then().statusCode(200).extract().asString())
                .contains("> Sorting mail.", "Stated by alice in approval request #");
    }

    @Test
    void anApprovedVersionsCardIsFrozenAndLaterRecordsLeaveItUnchanged() {
        long model = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION));
        approve(model, "Triage of support tickets; not for decisions about people.");

        ExtractableResponse<Response> frozen = as("alice").get("/api/models/{id}/card", model).then().statusCode(200)
                .extract();
        String card = frozen.asString();
        assertThat(frozen.header(ModelCardResource.STATE_HEADER)).isEqualTo("FROZEN");
        assertThat(frozen.header(ModelCardResource.SHA256_HEADER)).isEqualTo(Sha256.hex(card.getBytes(StandardCharsets.UTF_8)));
        assertThat(card).contains("> Triage of support tickets; not for decisions about people.",
                "Frozen when approval request #", "approved by carol");

        // A new record after approval: the version measured on a second dataset version.
        JsonPath later = upload("card-blobs-later", 9045);
        long second = later.getLong("id");
        int secondTestCount = later.getInt("testCount");
        Attempt attempt = made.evaluation(model, second);
        submit(attempt, Submissions.of(secondTestCount, secondTestCount, OverlapCheck.CHECKED));
        assertThat(as("alice").get("/api/leaderboards/{id}", second).then().statusCode(200).extract().jsonPath()
                .getList("items.modelVersionId", Long.class)).contains(model);

        ExtractableResponse<Response> reread = as("dana").get("/api/models/{id}/card", model).then().statusCode(200)
                .extract();
        assertThat(reread.asString()).isEqualTo(card).doesNotContain("card-blobs-later");
        assertThat(reread.header(ModelCardResource.SHA256_HEADER)).isEqualTo(frozen.header(ModelCardResource.SHA256_HEADER));
        assertThat(as("alice").get("/api/models/{id}/card/model-index", model).then().statusCode(200)
                .header(ModelCardResource.STATE_HEADER, "FROZEN").extract().asString()).doesNotContain("card-blobs-later");
    }

    @Test
    void aFrozenCardChangedAfterApprovalIsRefusedWithAClearError() {
        long model = evaluatedModel(Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION));
        approve(model, "Demo of tampering detection.");
        as("alice").get("/api/models/{id}/card", model).then().statusCode(200);

        // Someone with database access edits the stored card (its hash column left as it was).
        QuarkusTransaction.requiringNew().run(() -> {
            FrozenCard stored = frozenCards.find("modelVersionId", model).firstResult();
            stored.markdown = stored.markdown.replace("## Intended use", "## Intended use (edited)");
        });

        as("alice").get("/api/models/{id}/card", model).then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Integrity check failed"))
                .body("detail", containsString("does not match the SHA-256 recorded at its approval"));
        as("alice").get("/api/models/{id}/card/model-index", model).then().statusCode(500);
    }

    @Test
    void theArchiveAndItsManifestDownloadForTheTeamOnly() throws Exception {
        long model = made.model(datasetId);
        ModelVersion version = QuarkusTransaction.requiringNew().call(() -> models.findById(model));
        as("alice").get("/api/models/{id}/archive", model).then().statusCode(404);
        byte[] zip = "PK-not-really-a-zip".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("archive", ".zip");
        Files.write(file, zip);
        store.put(version.artifactKey, file);
        Files.delete(file);

        ExtractableResponse<Response> archive = as("dana").get("/api/models/{id}/archive", model).then().statusCode(200)
                .contentType("application/zip").extract();
        assertThat(archive.asByteArray()).isEqualTo(zip);
        assertThat(archive.header(ModelArchiveResource.SHA256_HEADER)).isEqualTo(version.sha256.strip());
        assertThat(archive.header("Content-Disposition")).contains(version.name + "-v1.zip");
        as("alice").get("/api/models/{id}/manifest", model).then().statusCode(200).contentType(ContentType.JSON);
        as("bob").get("/api/models/{id}/archive", model).then().statusCode(404);
        as("bob").get("/api/models/{id}/manifest", model).then().statusCode(404);
        given().get("/api/models/{id}/archive", model).then().statusCode(401);
        // The registry's own endpoints under the same root still answer.
        as("alice").get("/api/models/{id}", model).then().statusCode(200).body("id", equalTo((int) model));
        as("alice").get("/api/models/aliases").then().statusCode(200);
    }

    private void approve(long model, String intendedUse) {
        long request = as("alice").contentType(ContentType.JSON)
                .body(Map.of("modelVersionId", model, "comment", "ship it", "intendedUse", intendedUse))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
        as("carol").contentType(ContentType.JSON).body(Map.of("approve", true, "comment", "looks right"))
                .post("/api/approvals/{id}/decision", request).then().statusCode(200).body("state", equalTo("APPROVED"));
    }

    private long evaluatedModel(Submissions report) {
        return evaluatedModel(report, null);
    }

    /** A hand-made version of team-a (fine-tuned from {@code base} when given) with one evaluation on the dataset. */
    private long evaluatedModel(Submissions report, Long base) {
        long model = made.model(datasetId);
        if (base != null) {
            QuarkusTransaction.requiringNew().run(() -> models.findById(model).baseVersion = models.findById(base));
        }
        submit(made.evaluation(model, datasetId), report);
        return model;
    }

    private static void submit(Attempt attempt, Submissions report) {
        given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                .body(Json.write(report.build()))
                .post(WorkerProtocol.jobPath(attempt.jobId()) + WorkerProtocol.EVALUATION_PATH).then().statusCode(204);
    }

    private static JsonPath upload(String name, long seed) {
        return as("alice").multiPart("name", name).multiPart("labelColumn", "species")
                .multiPart("file", name + ".csv", CsvFixtures.blobs(120, seed).getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
    }
}
