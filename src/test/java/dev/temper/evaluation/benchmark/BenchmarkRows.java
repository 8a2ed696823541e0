package dev.temper.evaluation.benchmark;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;

import dev.temper.base.Json;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerProtocol;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.Submissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Leaderboard rows made the way a worker makes them: a hand-made model of team-a, a RUNNING evaluation job
 * (linked to a benchmark where asked), and the worker's report through the real protocol.
 */
public final class BenchmarkRows {

    private final HandMadeEvaluations made;
    private final BenchmarkJobRepository links;

    public BenchmarkRows(HandMadeEvaluations made, BenchmarkJobRepository links) {
        this.made = made;
        this.links = links;
    }

    /**
     * A table dataset version of team-a (epsilons in train-split deviations), as {id, testCount}; its content
     * depends on the name, so that another name is another version rather than the same one reused.
     */
    public static long[] dataset(String name) {
        var version = as("alice").multiPart("name", name).multiPart("labelColumn", "species")
                .multiPart("file", name + ".csv", CsvFixtures.blobs(120, 1000 + (name.hashCode() & 0xffff))
                        .getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
        return new long[] {version.getLong("id"), version.getInt("testCount")};
    }

    /** Alice defines a benchmark on the version at epsilon 0.1 (what {@link Submissions} measures). */
    public static long benchmark(long datasetId, String name, String suite) {
        return benchmarkAt(datasetId, name, List.of(Submissions.EPSILON), suite);
    }

    public static long benchmarkAt(long datasetId, String name, List<Double> epsilons, String suite) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("name", name, "datasetVersionId", datasetId,
                        "norm", "LINF", "epsilons", epsilons, "suite", suite))
                .post("/api/benchmarks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A RUNNING evaluation job of the model on the version, asked for on the benchmark (none if null). */
    public Attempt job(long modelId, long datasetId, Long benchmarkId) {
        Attempt attempt = made.evaluation(modelId, datasetId);
        if (benchmarkId != null) {
            QuarkusTransaction.requiringNew().run(() -> {
                BenchmarkJob link = new BenchmarkJob();
                link.jobId = attempt.jobId();
                link.benchmarkId = benchmarkId;
                links.persist(link);
            });
        }
        return attempt;
    }

    /** A new model evaluated on the benchmark with these counts; returns the model's id. */
    public long row(long datasetId, int testCount, Long benchmarkId, int clean, int robust, boolean reliable,
            String suite) {
        long model = made.model(datasetId);
        Submissions report = Submissions.of(testCount, testCount, OverlapCheck.SAME_VERSION).withCounts(clean, robust);
        if (!reliable) {
            report = report.withFlags(List.of(new Flag("GRADIENT_FREE_STRONGER", "the search fooled 3 more")));
        }
        submit(job(model, datasetId, benchmarkId), withSuite(report.build(), suite)).statusCode(204);
        return model;
    }

    static EvaluationSubmission withSuite(EvaluationSubmission s, String suite) {
        return new EvaluationSubmission(s.examples(), s.cleanAccuracy(), s.cleanLower(), s.cleanUpper(),
                s.expectedCalibrationError(), s.negativeLogLikelihood(), s.threatModel(), suite, s.robust(),
                s.flags(), s.reliable(), s.overlap(), s.perExampleOutcomes(), s.meanCorruptionAccuracy(),
                s.meanCorruptionError(), s.modelSha256(), s.engineVersion(), s.reportJson());
    }

    static ValidatableResponse submit(Attempt attempt, EvaluationSubmission report) {
        return given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                .body(Json.write(report))
                .post(WorkerProtocol.jobPath(attempt.jobId()) + WorkerProtocol.EVALUATION_PATH).then();
    }

    static ValidatableResponse spec(Attempt attempt) {
        return given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token())
                .get(WorkerProtocol.jobPath(attempt.jobId()) + WorkerProtocol.SPEC_PATH).then();
    }
}
