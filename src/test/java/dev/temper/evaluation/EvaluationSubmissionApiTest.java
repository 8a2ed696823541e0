package dev.temper.evaluation;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.temper.base.Json;
import dev.temper.base.Sha256;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.RobustPoint;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.evaluation.PerExampleOutcomes;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.storage.StorageConfig;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.Submissions;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An evaluation worker's report seen from the server: refused whole when any number does not hold (no row, no
 * file), stored with its per-example outcomes and their hash when all do, ranked reliable first, and with test
 * examples the model was trained on left out and counted when the model's training version overlaps.
 */
@QuarkusTest
class EvaluationSubmissionApiTest {

    private static long datasetId;
    private static int testCount;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    StorageConfig storage;

    private HandMadeEvaluations made;

    @BeforeEach
    void aDatasetExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            JsonPath version = as("alice").multiPart("name", "evidence-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "e.csv", CsvFixtures.blobs(120, 43).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath();
            datasetId = version.getLong("id");
            testCount = version.getInt("testCount");
            assertThat(version.getString("epsilonUnit")).isEqualTo("TRAIN_STD");
        }
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void aBadReportIsRefusedWholeLeavingNoRowAndNoFile() throws IOException {
        long model = made.model(datasetId);
        Attempt attempt = made.evaluation(model, datasetId);
        Submissions valid = Submissions.of(testCount - 2, testCount, OverlapCheck.SAME_VERSION);
        RobustPoint p = valid.points().get(1);
        List<RobustPoint> outsideInterval = new ArrayList<>(valid.points());
        outsideInterval.set(1, new RobustPoint(p.attack(), p.epsilon(), p.accuracy(), p.accuracy() + 0.05,
                Math.min(1, p.accuracy() + 0.1), p.correct(), p.examples()));
        EvaluationSubmission flagged = valid.withFlags(List.of(new Flag("NOT_MONOTONE", "rises"))).build();

        refused(attempt, valid.build(outsideInterval, encoded(valid)), "does not contain");
        refused(attempt, valid.build(valid.points(), encoded(valid), new EvaluationSubmission.Threat("LINF",
                "TRAIN_STD", Stream.iterate(0.0, e -> e + 0.01).limit(13).toList(), "thirteen")), "at most 12");
        refused(attempt, valid.build(valid.points(), "AAAA"), "perExampleOutcomes");
        refused(attempt, valid.build(valid.points(), encoded(Submissions.of(testCount - 3, testCount,
                OverlapCheck.SAME_VERSION))), "examples, the evaluation has");
        refused(attempt, withReliable(flagged, true), "reliable");

        assertThat(as("alice").get("/api/leaderboards/{id}", datasetId).then().statusCode(200).extract().jsonPath()
                .getList("items.modelVersionId", Long.class)).doesNotContain(model);
        assertThat(filesOf(attempt)).isEmpty();
        as("alice").get("/api/jobs/{id}", attempt.jobId()).then().body("state", org.hamcrest.Matchers.equalTo("RUNNING"));
    }

    @Test
    void perExampleOutcomesAreStoredWithTheirHashAndDecodeToTheSubmittedBits() throws IOException {
        long model = made.model(datasetId);
        Attempt attempt = made.evaluation(model, datasetId);
        Submissions report = Submissions.of(testCount - 1, testCount, OverlapCheck.SAME_VERSION);

        submit(attempt, report.build()).statusCode(204);

        JsonPath row = row(model);
        assertThat(row.getBoolean("reliable")).isTrue();
        assertThat(row.getString("overlapCheck")).isEqualTo("SAME_VERSION");
        assertThat(row.getString("norm")).isEqualTo("LINF");
        assertThat(row.getString("epsilonUnit")).isEqualTo("TRAIN_STD");
        assertThat(row.getString("suite")).isEqualTo("QUICK");
        assertThat(row.getInt("worstCase.'0.1'.correct")).isEqualTo(report.robust());
        assertThat(row.getInt("estimatesByAttack.pgd.'0.1'.examples")).isEqualTo(testCount - 1);
        long evaluationId = row.getLong("evaluationId");
        var file = as("alice").get("/api/evaluations/{id}/per-example", evaluationId).then().statusCode(200)
                .extract();
        byte[] bytes = file.asByteArray();
        assertThat(Sha256.hex(bytes)).isEqualTo(row.getString("perExampleSha256"))
                .isEqualTo(file.header(EvaluationResultResource.SHA256_HEADER));
        assertThat(PerExampleOutcomes.decode(bytes)).isEqualTo(report.outcomes());
        assertThat(as("alice").get("/api/evaluations/{id}/per-example/positions", evaluationId).then().statusCode(200)
                .extract().as(int[].class)).containsExactly(report.positions());
        assertThat(filesOf(attempt)).hasSize(1);
        // A viewer of the team reads the evidence; another team's member learns nothing of it; nobody unsigned.
        assertThat(as("dana").get("/api/evaluations/{id}/per-example", evaluationId).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(bytes);
        as("bob").get("/api/evaluations/{id}/per-example", evaluationId).then().statusCode(404);
        as("bob").get("/api/evaluations/{id}/per-example/positions", evaluationId).then().statusCode(404);
        given().get("/api/evaluations/{id}/per-example", evaluationId).then().statusCode(401);
        given().get("/api/evaluations/{id}/per-example/positions", evaluationId).then().statusCode(401);
        // The job ended with the report and its token was forgotten: a second report is refused, stores nothing.
        submit(attempt, report.build()).statusCode(401);
        assertThat(filesOf(attempt)).hasSize(1);
    }

    @Test
    void anUnreliableRowNeverRanksAboveAReliableOne() {
        long reliable = made.model(datasetId);
        long unreliable = made.model(datasetId);
        int n = testCount;
        Submissions modest = Submissions.of(n, n, OverlapCheck.SAME_VERSION).withCounts(n / 2, n / 4);
        Submissions flattering = Submissions.of(n, n, OverlapCheck.SAME_VERSION).withCounts(n, n)
                .withFlags(List.of(new Flag("GRADIENT_FREE_STRONGER", "the search fooled 3 examples PGD missed")));

        submit(made.evaluation(unreliable, datasetId), flattering.build()).statusCode(204);
        submit(made.evaluation(reliable, datasetId), modest.build()).statusCode(204);

        List<Long> order = as("alice").get("/api/leaderboards/{id}", datasetId).then().statusCode(200).extract()
                .jsonPath().getList("items.modelVersionId", Long.class);
        assertThat(order.indexOf(reliable)).isLessThan(order.indexOf(unreliable));
        JsonPath row = row(unreliable);
        assertThat(row.getBoolean("reliable")).isFalse();
        assertThat(row.getString("reliabilityFlags[0].check")).isEqualTo("GRADIENT_FREE_STRONGER");
        assertThat(row.getString("reliabilityFlags[0].reason")).contains("PGD missed");
    }

    /**
     * A base model trained on one version, evaluated on a resplit of it: the worker gets the model's training
     * version (and only for this job), and every test sample of the resplit that was a train or validation sample
     * of that version is left out and counted.
     */
    @Test
    void aModelTrainedOnAnOverlappingVersionHasItsSeenTestExamplesExcluded() throws IOException {
        long resplitId = as("alice").contentType(ContentType.JSON).body(Map.of("operation", "resplit", "train", 0.6,
                "validation", 0.1, "test", 0.3, "seed", 777)).post("/api/datasets/{id}/derive", datasetId).then()
                .statusCode(201).body("epsilonUnit", org.hamcrest.Matchers.equalTo("TRAIN_STD"))
                .extract().jsonPath().getLong("id");
        long model = made.model(datasetId);
        Attempt attempt = made.evaluation(model, resplitId);
        Attempt sameVersion = made.evaluation(made.model(resplitId), resplitId);

        worker(attempt).get(path(attempt, WorkerProtocol.SPEC_PATH)).then().statusCode(200)
                .body("overlapCheck", org.hamcrest.Matchers.equalTo("CHECKED"))
                .body("evaluation.threatModel.unit", org.hamcrest.Matchers.equalTo("TRAIN_STD"));
        worker(sameVersion).get(path(sameVersion, WorkerProtocol.SPEC_PATH)).then()
                .body("overlapCheck", org.hamcrest.Matchers.equalTo("SAME_VERSION"));
        // Only for the job whose model was trained elsewhere, and only with that job's token.
        worker(sameVersion).get(path(sameVersion, WorkerProtocol.TRAINING_DATA_PATH)).then().statusCode(404);
        worker(sameVersion).get(path(attempt, WorkerProtocol.TRAINING_DATA_PATH)).then().statusCode(401);
        byte[] trainingFile = worker(attempt).get(path(attempt, WorkerProtocol.TRAINING_DATA_PATH)).then()
                .statusCode(200).extract().asByteArray();
        byte[] evaluatedFile = worker(attempt).get(path(attempt, WorkerProtocol.DATASET_PATH)).then().statusCode(200)
                .extract().asByteArray();

        // What the worker computes: its hashes of the training version's train and validation samples ...
        Path trainingCopy = Files.createTempFile("training", ".tds");
        Files.write(trainingCopy, trainingFile);
        var seen = dev.temper.worker.WorkerOverlap.seenIn(trainingCopy);
        Files.delete(trainingCopy);
        List<Sample> resplitTest = samples(evaluatedFile, Split.TEST);
        var selection = dev.temper.worker.WorkerOverlap.select(resplitTest, seen);
        // ... and, independently: a resplit moves every sample, so a test sample of the resplit that was not a
        // test sample of the original was one the model trained or validated on.
        Set<String> originalTest = new HashSet<>();
        samples(trainingFile, Split.TEST).forEach(s -> originalTest.add(Json.write(s.values())));
        long unseen = resplitTest.stream().filter(s -> originalTest.contains(Json.write(s.values()))).count();
        int resplitTestCount = resplitTest.size();
        assertThat(selection.excluded()).isPositive().isEqualTo(resplitTestCount - (int) unseen);

        Submissions report = Submissions.of(selection.positions().length, resplitTestCount, OverlapCheck.CHECKED)
                .withOverlap(OverlapCheck.CHECKED, selection.excluded(), selection.positions());
        // Claiming the wrong check is refused; the right one is stored with its count.
        submit(attempt, Submissions.of(selection.positions().length, resplitTestCount, OverlapCheck.SAME_VERSION)
                .build()).statusCode(400);
        submit(attempt, report.build()).statusCode(204);
        JsonPath board = as("alice").get("/api/leaderboards/{id}", resplitId).then().extract().jsonPath();
        int at = board.getList("items.modelVersionId", Long.class).indexOf(model);
        assertThat(board.getInt("items[" + at + "].excludedOverlap")).isEqualTo(selection.excluded());
        assertThat(board.getInt("items[" + at + "].testExamples")).isEqualTo(resplitTestCount);
        assertThat(board.getInt("items[" + at + "].examples")).isEqualTo(resplitTestCount - selection.excluded());
        assertThat(board.getString("items[" + at + "].overlapCheck")).isEqualTo("CHECKED");
    }

    private static List<Sample> samples(byte[] file, Split split) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (DatasetFile.Reader reader = DatasetFile.reader(new ByteArrayInputStream(file))) {
            while (reader.hasNext()) {
                Sample sample = reader.next();
                if (sample.split() == split) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    private JsonPath row(long model) {
        JsonPath board = as("alice").get("/api/leaderboards/{id}", datasetId).then().statusCode(200).extract().jsonPath();
        int at = board.getList("items.modelVersionId", Long.class).indexOf(model);
        assertThat(at).as("row of model " + model).isNotNegative();
        return new JsonPath(Json.write(board.getMap("items[" + at + "]")));
    }

    /**
     * The per-example files stored for this attempt's job. The artifact directory outlives the database between
     * local runs, where job ids start again: files older than the job are an earlier run's and do not count.
     */
    private List<Path> filesOf(Attempt attempt) throws IOException {
        Path dir = storage.root().resolve("evaluations").resolve("team-a");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Instant jobCreated = Instant.parse(as("alice").get("/api/jobs/{id}", attempt.jobId()).then().statusCode(200)
                .extract().jsonPath().getString("createdAt"));
        List<Path> stored = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("job-" + attempt.jobId() + "-"))
                    .toList()) {
                if (!Files.getLastModifiedTime(file).toInstant().isBefore(jobCreated)) {
                    stored.add(file);
                }
            }
        }
        return stored;
    }

    private static void refused(Attempt attempt, EvaluationSubmission report, String because) {
        submit(attempt, report).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(because));
    }

    private static ValidatableResponse submit(Attempt attempt, EvaluationSubmission report) {
        return worker(attempt).contentType(ContentType.JSON).body(Json.write(report))
                .post(path(attempt, WorkerProtocol.EVALUATION_PATH)).then();
    }

    private static EvaluationSubmission withReliable(EvaluationSubmission s, boolean reliable) {
        return new EvaluationSubmission(s.examples(), s.cleanAccuracy(), s.cleanLower(), s.cleanUpper(),
                s.expectedCalibrationError(), s.negativeLogLikelihood(), s.threatModel(), s.suite(), s.robust(),
                s.flags(), reliable, s.overlap(), s.perExampleOutcomes(), s.meanCorruptionAccuracy(),
                s.meanCorruptionError(), s.modelSha256(), s.engineVersion(), s.reportJson());
    }

    private static String encoded(Submissions s) {
        return java.util.Base64.getEncoder().encodeToString(s.outcomes().encode());
    }

    private static io.restassured.specification.RequestSpecification worker(Attempt attempt) {
        return given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token());
    }

    private static String path(Attempt attempt, String endpoint) {
        return WorkerProtocol.jobPath(attempt.jobId()) + endpoint;
    }
}
