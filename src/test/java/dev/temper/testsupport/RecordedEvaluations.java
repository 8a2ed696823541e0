package dev.temper.testsupport;

import static io.restassured.RestAssured.given;

import dev.temper.base.Json;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerProtocol;
import dev.temper.evaluation.EvaluationRepository;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * Team-a's evaluations recorded through the worker protocol, as an evaluation worker would: a hand-made model and
 * RUNNING job ({@link HandMadeEvaluations}), then the worker's report with an engine report consistent with it.
 */
public final class RecordedEvaluations {

    private final HandMadeEvaluations made;
    private final EvaluationRepository evaluations;

    public RecordedEvaluations(HandMadeEvaluations made, EvaluationRepository evaluations) {
        this.made = made;
        this.evaluations = evaluations;
    }

    /** A new model of team-a evaluated on the dataset version; returns the evaluation's id. */
    public long record(long datasetId, Submissions report, int classes) {
        return record(made.model(datasetId), datasetId, report, classes);
    }

    public long record(long modelId, long datasetId, Submissions report, int classes) {
        Attempt attempt = made.evaluation(modelId, datasetId);
        EvaluationSubmission submission = EvidenceReports.withReport(report.build(), EvidenceReports.of(report, classes));
        given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                .body(Json.write(submission)).post(WorkerProtocol.jobPath(attempt.jobId()) + WorkerProtocol.EVALUATION_PATH)
                .then().statusCode(204);
        return QuarkusTransaction.requiringNew().call(() -> {
            EvaluationResult recorded = evaluations.find("jobId", attempt.jobId()).firstResult();
            return recorded.id;
        });
    }

    /** Where the evaluation's per-example outcomes lie in the artifact store. */
    public String perExampleKey(long evaluationId) {
        return QuarkusTransaction.requiringNew().call(() -> evaluations.findById(evaluationId).perExampleKey);
    }

    /** A report of {@code examples} of the version's {@code testCount} test examples, no overlap possible. */
    public static Submissions report(int examples, int testCount, int clean, int robust) {
        return Submissions.of(examples, testCount, OverlapCheck.SAME_VERSION).withCounts(clean, robust);
    }
}
