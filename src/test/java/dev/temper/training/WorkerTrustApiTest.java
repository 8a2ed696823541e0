package dev.temper.training;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.temper.base.problem.ProblemMappers;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.testsupport.CapturedLog;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.training.HandMadeAttempts.Attempt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a worker says is a claim the server checks: reports outside the job's epochs or outside their ranges, and
 * models whose hash or content is not what they claim, are refused with a 400 and leave nothing stored.
 */
@QuarkusTest
class WorkerTrustApiTest {

    private static long datasetId;

    @Inject
    TrainingJobRepository jobs;

    @Inject
    DatasetVersionRepository datasets;

    private HandMadeAttempts attempts;

    @BeforeEach
    void setUp() {
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "trust-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "t.csv", CsvFixtures.blobs(90, 43).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
        attempts = new HandMadeAttempts(jobs, datasets);
    }

    @AfterEach
    void endAttempts() {
        attempts.endAll();
    }

    @Test
    void implausibleReportsAreRefusedAndNothingIsStored() {
        Attempt a = attempts.start(datasetId, JobState.RUNNING);
        refusedMetrics(a, epoch(-5, 0.5), "epochs[].epoch must be between 1 and 3");
        refusedMetrics(a, epoch(2_000_000_000, 0.5), "epochs[].epoch must be between 1 and 3");
        refusedMetrics(a, epoch(1, 99), "epochs[].trainAccuracy must be in [0, 1]");
        refusedMetrics(a, epoch(1, "NaN"), "epochs[].trainAccuracy must be in [0, 1]");
        refusedMetrics(a, Map.of("points", List.of(Map.of("name", "step/loss", "step", 1, "epoch", 1,
                "value", "Infinity"))), "points[].value must be a finite number");
        assertThat(as("alice").get("/api/jobs/{id}/metrics", a.jobId()).then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();
        assertThat(as("alice").get("/api/jobs/{id}/series?name=step/loss", a.jobId()).then().extract().jsonPath()
                .getList("$")).isEmpty();
        // A plausible report still goes through.
        worker(a).contentType(ContentType.JSON).body(epoch(1, 0.5)).post(path(a, "/metrics")).then().statusCode(200);
    }

    @Test
    void aModelWhoseHashOrContentIsNotWhatItClaimsIsNotRegistered() throws IOException {
        Attempt a = attempts.start(datasetId, JobState.RUNNING);
        int modelsBefore = modelCount();
        String manifest = Base64.getEncoder().encodeToString(
                "{\"architecture\":\"mlp\",\"inputDim\":4,\"hiddenWidths\":[8],\"classCount\":3}".getBytes(StandardCharsets.UTF_8));
        String zeros = "0".repeat(64);

        upload(a, zeros, manifest, new byte[0]).then().statusCode(400);
        upload(a, zeros, manifest, zip(Map.of("variables/x", "data"))).then().statusCode(400)
                .body("detail", containsString("saved_model.pb"));
        upload(a, zeros, manifest, zip(Map.of("saved_model.pb", "graph"))).then().statusCode(400)
                .body("detail", containsString("does not match its content"));
        upload(a, zeros, "%%% not base64", zip(Map.of("saved_model.pb", "graph"))).then().statusCode(400)
                .body("detail", containsString("not base64"));
        worker(a).contentType(ContentType.BINARY).header(WorkerProtocol.MODEL_SHA256_HEADER, zeros)
                .body(zip(Map.of("saved_model.pb", "graph"))).post(path(a, "/model")).then().statusCode(400)
                .body("detail", containsString("no manifest"));
        upload(a, zeros, manifest, zip(Map.of("../escape", "x"))).then().statusCode(400)
                .body("detail", containsString("unsafe entry"));

        assertThat(modelCount()).isEqualTo(modelsBefore);
        assertThat(as("alice").get("/api/jobs/{id}", a.jobId()).then().extract().jsonPath().getString("state"))
                .isEqualTo("RUNNING");
    }

    @Test
    void aRefusedReportIsLoggedOnceWithoutAStackTrace() {
        Attempt a = attempts.start(datasetId, JobState.RUNNING);
        try (CapturedLog log = CapturedLog.of(ProblemMappers.class)) {
            refusedMetrics(a, epoch(-5, 0.5), "epochs[].epoch must be between 1 and 3");
            worker(a).contentType(ContentType.JSON).body("{\"epochs\": [{\"epoch\": 1.5}]}").post(path(a, "/metrics"))
                    .then().statusCode(400);

            List<LogRecord> refusals = log.records().stream()
                    .filter(r -> r.getMessage().contains("/api/worker/jobs/" + a.jobId() + "/metrics")).toList();
            assertThat(refusals).hasSize(2).allSatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getThrown()).isNull();
            });
            assertThat(refusals.get(0).getMessage()).contains("400: epochs[].epoch must be between 1 and 3");
        }
    }

    @Test
    void aFailureReportNeedsABodyAndALongOneIsCut() {
        Attempt a = attempts.start(datasetId, JobState.RUNNING);
        worker(a).contentType(ContentType.JSON).post(path(a, "/failure")).then().statusCode(400)
                .contentType("application/problem+json");
        worker(a).contentType(ContentType.JSON).body(Map.of("message", "x".repeat(50_000))).post(path(a, "/failure"))
                .then().statusCode(204);
        String message = as("alice").get("/api/jobs/{id}", a.jobId()).then().extract().jsonPath().getString("message");
        assertThat(message).hasSizeLessThan(2_100).contains("cut at 2000 characters");
    }

    private static Map<String, Object> epoch(int epoch, Object trainAccuracy) {
        return Map.of("epochs", List.of(Map.of("epoch", epoch, "totalEpochs", 3, "trainLoss", 0.9,
                "trainAccuracy", trainAccuracy, "validationLoss", 0.8, "validationAccuracy", 0.6)));
    }

    private static void refusedMetrics(Attempt a, Map<String, Object> batch, String message) {
        worker(a).contentType(ContentType.JSON).body(batch).post(path(a, "/metrics")).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(message));
    }

    private static io.restassured.response.Response upload(Attempt a, String sha256, String manifest, byte[] zip) {
        return worker(a).contentType(ContentType.BINARY).header(WorkerProtocol.MODEL_SHA256_HEADER, sha256)
                .header(WorkerProtocol.MODEL_MANIFEST_HEADER, manifest).body(zip).post(path(a, "/model"));
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static int modelCount() {
        return as("alice").get("/api/models").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private static RequestSpecification worker(Attempt attempt) {
        return given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token());
    }

    private static String path(Attempt attempt, String endpoint) {
        return "/api/worker/jobs/" + attempt.jobId() + endpoint;
    }
}
