package dev.temper.evaluation;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.base.Json;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.BarImagesIdx;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.evaluation.AdversarialStrip.Example;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.storage.StorageConfig;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.Strips;
import dev.temper.testsupport.Submissions;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The strip of adversarial examples an image evaluation sends: refused whole when it does not hold up (no row, no
 * file, the job still running), stored with its hash when it does, served to the evaluation's team only, and
 * refused when the stored file is no longer the one recorded.
 */
@QuarkusTest
class AdversarialExamplesApiTest {

    private static long datasetId;
    private static int testCount;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    EvaluationRepository results;
    @Inject
    StorageConfig storage;

    private HandMadeEvaluations made;

    @BeforeEach
    void anImageDatasetExists() throws IOException {
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            datasetId = BarImagesIdx.register("alice", "strip-bars", 200, 17);
            testCount = QuarkusTransaction.requiringNew().call(() -> datasets.findById(datasetId).testCount);
        }
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void aStripBeyondEpsilonIsRefusedWholeLeavingNoRowAndNoFile() throws IOException {
        long model = made.model(datasetId);
        Attempt attempt = made.evaluation(model, datasetId);
        Submissions report = report();
        Strips valid = strips(report);
        Example fooled = valid.examples().get(1);
        float[] tampered = fooled.adversarial().clone();
        tampered[100] = 1f;

        submit(attempt, report, valid.withExample(1, new Example(fooled.position(), fooled.attack(), fooled.label(),
                fooled.cleanPrediction(), fooled.adversarialPrediction(), fooled.clean(), tampered))).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("more than epsilon 0.1"));

        assertThat(evaluationOf(model)).isNull();
        assertThat(filesOf(attempt)).isEmpty();
        as("alice").get("/api/jobs/{id}", attempt.jobId()).then().body("state", equalTo("RUNNING"));
    }

    @Test
    void aStripIsStoredWithItsHashAndServedToTheTeamOnly() throws IOException {
        long model = made.model(datasetId);
        Attempt attempt = made.evaluation(model, datasetId);
        Submissions report = report();

        submit(attempt, report, strips(report)).statusCode(204);

        EvaluationResult row = evaluationOf(model);
        assertThat(row.adversarialExamplesSha256).hasSize(64);
        assertThat(filesOf(attempt)).hasSize(2);
        JsonPath strip = as("alice").get("/api/evaluations/{id}/adversarial-examples", row.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(strip.getDouble("epsilon")).isEqualTo(Submissions.EPSILON);
        assertThat(strip.getString("norm")).isEqualTo("LINF");
        assertThat(strip.getString("unit")).isEqualTo("PIXELS");
        assertThat(strip.getList("examples")).hasSize(2);
        assertThat(strip.getBoolean("examples[0].fooled")).isFalse();
        assertThat(strip.getBoolean("examples[1].fooled")).isTrue();
        assertThat(strip.getInt("examples[1].position")).isEqualTo(report.robust());
        assertThat(strip.getString("examples[1].labelName")).isEqualTo("3");
        assertThat(strip.getString("examples[1].adversarialPredictionName")).isEqualTo("5");
        assertThat(strip.getString("examples[1].attack")).isEqualTo(Submissions.ATTACK);
        assertThat(strip.getDouble("examples[1].distance")).isCloseTo(Submissions.EPSILON,
                org.assertj.core.data.Offset.offset(1e-6));
        BufferedImage adversarial = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(strip.getString("examples[1].adversarialPng"))));
        assertThat(adversarial.getWidth()).isEqualTo(BarImagesIdx.SIDE);
        assertThat(adversarial.getRaster().getSample(0, 0, 0)).isEqualTo(Math.round(0.6f * 255));
        assertThat(adversarial.getRaster().getSample(1, 0, 0)).isEqualTo(Math.round(0.5f * 255));

        as("dana").get("/api/evaluations/{id}/adversarial-examples", row.id).then().statusCode(200);
        as("bob").get("/api/evaluations/{id}/adversarial-examples", row.id).then().statusCode(404);
        given().get("/api/evaluations/{id}/adversarial-examples", row.id).then().statusCode(401);
    }

    @Test
    void anEvaluationWithoutAStripAnswers404AndAChangedStripIsRefused() throws IOException {
        long plain = made.model(datasetId);
        Submissions report = report();
        submit(made.evaluation(plain, datasetId), report, null).statusCode(204);
        as("alice").get("/api/evaluations/{id}/adversarial-examples", evaluationOf(plain).id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("does not exist"));

        long model = made.model(datasetId);
        Attempt attempt = made.evaluation(model, datasetId);
        submit(attempt, report, strips(report)).statusCode(204);
        Path stored = filesOf(attempt).stream().filter(f -> f.toString().endsWith(".tadv")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 1] ^= 1;
        Files.write(stored, bytes);

        as("alice").get("/api/evaluations/{id}/adversarial-examples", evaluationOf(model).id).then().statusCode(500)
                .contentType("application/problem+json").body("title", equalTo(PerExampleFiles.ALTERED))
                .body("detail", containsString("not the ones recorded"));
    }

    private Submissions report() {
        return Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION);
    }

    private static Strips strips(Submissions report) {
        return Strips.consistentWith(report, BarImagesIdx.SIDE, BarImagesIdx.SIDE, 1, BarImagesIdx.CLASSES);
    }

    private EvaluationResult evaluationOf(long model) {
        return QuarkusTransaction.requiringNew().call(() -> results.find("modelVersion.id", model).firstResult());
    }

    /**
     * The files stored for this attempt's job. The artifact directory outlives the database between local runs,
     * where job ids start again: files older than the job are an earlier run's and do not count.
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

    private static ValidatableResponse submit(Attempt attempt, Submissions report, Strips strip) {
        EvaluationSubmission submission = report.build(report.points(),
                Base64.getEncoder().encodeToString(report.outcomes().encode()),
                new Threat("LINF", "PIXELS", List.of(Submissions.EPSILON), "L-inf, epsilon 0.1 in pixel intensity"))
                .withAdversarialExamples(strip == null ? null : strip.base64());
        return given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                .body(Json.write(submission)).post(WorkerProtocol.jobPath(attempt.jobId())
                        + WorkerProtocol.EVALUATION_PATH).then();
    }
}
