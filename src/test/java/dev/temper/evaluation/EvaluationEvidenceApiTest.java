package dev.temper.evaluation;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.contract.RobustPoint;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.EvidenceReports;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.RecordedEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/evaluations/{id}: one evaluation's evidence for the result page, to its team only. */
@QuarkusTest
class EvaluationEvidenceApiTest {

    private static long datasetId;
    private static int testCount;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    EvaluationRepository evaluations;

    private HandMadeEvaluations made;
    private RecordedEvaluations recorded;

    @BeforeEach
    void aDatasetExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        recorded = new RecordedEvaluations(made, evaluations);
        if (datasetId == 0) {
            JsonPath version = as("alice").multiPart("name", "evidence-page").multiPart("labelColumn", "species")
                    .multiPart("file", "e.csv", CsvFixtures.blobs(120, 44).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath();
            datasetId = version.getLong("id");
            testCount = version.getInt("testCount");
        }
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void theTeamReadsTheEvidenceOfAnEvaluation() {
        int clean = testCount * 3 / 4;
        int robust = testCount / 2;
        long id = recorded.record(datasetId, RecordedEvaluations.report(testCount, testCount, clean, robust),
                CsvFixtures.CLASSES.length);

        JsonPath e = as("alice").get("/api/evaluations/{id}", id).then().statusCode(200).extract().jsonPath();

        assertThat(e.getLong("evaluationId")).isEqualTo(id);
        assertThat(e.getLong("datasetVersionId")).isEqualTo(datasetId);
        assertThat(e.getInt("clean.correct")).isEqualTo(clean);
        assertThat(e.getDouble("clean.lower")).isLessThan(e.getDouble("clean.value"));
        assertThat(e.getString("threatModel.norm")).isEqualTo("LINF");
        assertThat(e.getString("threatModel.unit")).isEqualTo("TRAIN_STD");
        assertThat(e.getList("curves.attack", String.class)).containsExactly(RobustPoint.WORST_CASE, "pgd");
        assertThat(e.getInt("curves[0].points[0].accuracy.correct")).isEqualTo(robust);
        assertThat(e.getDouble("curves[0].points[0].epsilon")).isCloseTo(0.1, within(1e-6));
        assertThat(e.getList("reliabilityDiagram")).hasSize(15);
        assertThat(e.getList("confusion.classes", String.class)).containsExactly(CsvFixtures.CLASSES);
        assertThat(e.getList("confusion.counts")).hasSize(3);
        assertThat(e.getList("perClass.name", String.class)).containsExactly(CsvFixtures.CLASSES);
        assertThat(e.getList("corruptions.type", String.class)).containsExactly("GAUSSIAN_NOISE", "BLUR");
        assertThat(e.getList("corruptions[0].bySeverity")).hasSize(5);
        assertThat(e.getInt("noise[0].accuracy.correct")).isEqualTo(clean - 1);
        assertThat(e.getString("provenance.modelSha256")).isEqualTo("ab".repeat(32));
        assertThat(e.getString("provenance.datasetSha256")).hasSize(64);
        assertThat(e.getString("provenance.perExampleSha256")).hasSize(64);
        assertThat(e.getLong("provenance.seed")).isEqualTo(EvidenceReports.SEED);
        assertThat(e.getString("provenance.tensorflowVersion")).isEqualTo("2.18.0");
        assertThat(e.getString("provenance.suite")).isEqualTo("QUICK");
        assertThat(e.getString("provenance.attacks[0].name")).isEqualTo("pgd");
        assertThat(e.getInt("provenance.attacks[0].parameters.iterations")).isEqualTo(EvidenceReports.PGD_ITERATIONS);
        assertThat(e.getBoolean("reliable")).isTrue();
        assertThat(e.getList("flags")).isEmpty();
        assertThat(e.getList("notShown")).isEmpty();

        // A viewer of the team reads it; another team's member and an unsigned caller do not.
        as("dana").get("/api/evaluations/{id}", id).then().statusCode(200).body("evaluationId", equalTo((int) id));
        as("bob").get("/api/evaluations/{id}", id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Evaluation " + id + " does not exist"));
        given().get("/api/evaluations/{id}", id).then().statusCode(401);
        as("alice").get("/api/evaluations/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void flagsComeWithWhatTheyMeanAndTheirEvidence() {
        var report = RecordedEvaluations.report(testCount, testCount, testCount, testCount)
                .withFlags(List.of(new dev.temper.contract.EvaluationSubmission.Flag("GRADIENT_FREE_STRONGER",
                        "Square fooled 4 of 40 examples the gradient attacks missed"),
                        new dev.temper.contract.EvaluationSubmission.Flag("SOMETHING_NEW", "a newer engine's check")));
        long id = recorded.record(datasetId, report, CsvFixtures.CLASSES.length);

        JsonPath e = as("alice").get("/api/evaluations/{id}", id).then().statusCode(200).extract().jsonPath();

        assertThat(e.getBoolean("reliable")).isFalse();
        assertThat(e.getString("flags[0].check")).isEqualTo("GRADIENT_FREE_STRONGER");
        assertThat(e.getString("flags[0].meaning")).contains("gradients are likely masked");
        assertThat(e.getString("flags[0].evidence")).contains("Square fooled 4 of 40");
        assertThat(e.getString("flags[1].meaning")).isNull();
    }
}
