package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.Json;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.dataset.format.UploadFixtures;
import dev.temper.engine.ImagesFixture;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.AdversarialStrip;
import dev.temper.engine.evaluation.AdversarialStrip.Example;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.HandMadeEvaluations.Attempt;
import dev.temper.testsupport.RecordedEvaluations;
import dev.temper.testsupport.Submissions;
import dev.temper.training.TrainingJobRepository;
import dev.temper.evaluation.EvaluationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The result page's strip of adversarial examples in a real browser. The images, labels and predictions are a
 * real small CNN's (trained here on synthetic 8x8 shapes) attacked by the engine's QUICK suite at L-inf 0.1; they
 * are sent with a hand-made report on an uploaded 8x8 image dataset, placed at test positions that agree with it.
 * Alice sees the strip; a table's page shows no strip section; bob (team-b) sees neither page.
 */
@QuarkusTest
class BrowserAdversarialStripTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    EvaluationRepository evaluations;

    @Test
    void aliceSeesCleanAboveAdversarialWithLabelsAndPredictions() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        TabularData shapes = ImagesFixture.images(300, 3, 1, 3);
        long datasetId = uploadIdx(shapes);
        int n = QuarkusTransaction.requiringNew().call(() -> datasets.findById(datasetId).testCount);
        assertThat(n).as("room for the fooled examples between the robust and the wrong ones").isGreaterThan(32);
        Submissions report = Submissions.of(n, n, OverlapCheck.SAME_VERSION);
        AdversarialStrip strip = placed(attackedByAnEngine(shapes), report);

        HandMadeEvaluations made = new HandMadeEvaluations(jobs, models, datasets);
        long evaluationId;
        long table;
        try {
            JsonPath csv = as("alice").multiPart("name", "strip-table").multiPart("labelColumn", "species")
                    .multiPart("file", "t.csv", CsvFixtures.blobs(120, 48).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath();
            int rows = csv.getInt("testCount");
            table = new RecordedEvaluations(made, evaluations).record(csv.getLong("id"),
                    RecordedEvaluations.report(rows, rows, rows * 3 / 4, rows / 2), CsvFixtures.CLASSES.length);
            long model = made.model(datasetId);
            Attempt attempt = made.evaluation(model, datasetId);
            EvaluationSubmission submission = report.build(report.points(),
                    Base64.getEncoder().encodeToString(report.outcomes().encode()),
                    new Threat("LINF", "PIXELS", List.of(Submissions.EPSILON), "L-inf, epsilon 0.1 in pixel intensity"))
                    .withAdversarialExamples(Base64.getEncoder().encodeToString(strip.encode()));
            given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                    .body(Json.write(submission)).post(WorkerProtocol.jobPath(attempt.jobId())
                            + WorkerProtocol.EVALUATION_PATH).then().statusCode(204);
            evaluationId = QuarkusTransaction.requiringNew().call(() ->
                    evaluations.find("modelVersion.id", model).firstResult().id);
        } finally {
            made.endAll();
        }
        long fooled = strip.examples().stream().filter(Example::fooled).count();

        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.open("/evaluations/" + evaluationId);
            alice.until(() -> alice.count(By.id("evaluation-strip")) == 1);
            assertThat(alice.text("evaluation-strip-caption")).contains("L-inf ε 0.1", "pixels");
            assertThat(alice.count(By.cssSelector("#evaluation-strip .evaluation-strip-example")))
                    .isEqualTo(strip.examples().size());
            assertThat(alice.count(By.cssSelector("#evaluation-strip img"))).isEqualTo(2 * strip.examples().size());
            assertThat(alice.count(By.cssSelector("#evaluation-strip .evaluation-strip-fooled"))).isEqualTo(fooled);
            Example first = strip.examples().get(0);
            assertThat(alice.text("evaluation-strip")).contains("label " + first.label(),
                    "adversarial: " + first.adversarialPrediction());
            alice.until(() -> Boolean.TRUE.equals(alice.js("return [...arguments[0].querySelectorAll('img')]"
                    + ".every(i => i.complete && i.naturalWidth === 8)", alice.byId("evaluation-strip"))));
            alice.js("document.getElementById('evaluation-strip-heading').scrollIntoView({block: 'start'})");
            DocScreenshots.take(alice, "evaluation-adversarial-strip");

            // A table's result page has no strip section at all.
            alice.open("/evaluations/" + table);
            alice.until(() -> alice.text("evaluation-title").contains("on strip-table v1"));
            alice.until(() -> alice.count(By.id("evaluation-provenance")) == 1);
            assertThat(alice.count(By.id("evaluation-strip-heading"))).isZero();
            assertThat(alice.count(By.id("evaluation-strip"))).isZero();
        }
        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/evaluations/" + evaluationId);
            bob.until(() -> bob.text("evaluation-missing").contains("does not exist"));
            assertThat(bob.count(By.id("evaluation-strip"))).isZero();
        }
    }

    /** A CNN briefly trained on the shapes, attacked on 60 of them by the QUICK suite: the engine's own strip. */
    private static AdversarialStrip attackedByAnEngine(TabularData shapes) throws Exception {
        Path dir = Files.createTempDirectory("strip-cnn");
        ExportedModel model = Trainer.pretrain(ImagesFixture.architecture(1), TrainingRequest.of(
                ImagesFixture.images(600, 3, 1, 1), ImagesFixture.images(150, 3, 1, 2),
                new TrainingStrategy(3, 32, 0.01, 0, false, 0, 11), dir.resolve("cnn")));
        EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(Submissions.EPSILON)),
                SuiteVersion.QUICK, List.of(), false, null, null, null, 5, 60).withImages(new ImageShape(8, 8, 1));
        AdversarialStrip strip = RobustnessEvaluator.evaluateSuite(model.directory(), shapes, spec).strip();
        assertThat(strip.examples()).anyMatch(Example::fooled);
        return strip;
    }

    /**
     * The engine's examples at positions the hand-made report agrees with: held ones among its robust first half,
     * fooled ones among the examples it has right clean but not robust.
     */
    private static AdversarialStrip placed(AdversarialStrip strip, Submissions report) {
        int held = 0;
        int fooled = report.robust();
        List<Example> placed = new ArrayList<>();
        for (Example e : strip.examples()) {
            int position = e.fooled() ? fooled++ : held++;
            placed.add(new Example(position, Submissions.ATTACK, e.label(), e.cleanPrediction(),
                    e.adversarialPrediction(), e.clean(), e.adversarial()));
        }
        return new AdversarialStrip(strip.norm(), strip.epsilon(), strip.height(), strip.width(), strip.channels(),
                strip.classCount(), placed);
    }

    private static long uploadIdx(TabularData shapes) {
        byte[][] images = new byte[shapes.size()][];
        byte[] labels = new byte[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            float[] row = shapes.features()[i];
            images[i] = new byte[row.length];
            for (int j = 0; j < row.length; j++) {
                images[i][j] = (byte) Math.round(row[j] * 255);
            }
            labels[i] = (byte) shapes.labels()[i];
        }
        return as("alice").multiPart("name", "strip-shapes").multiPart("format", "IDX")
                .multiPart("file", "images-idx3-ubyte", UploadFixtures.idxImages(images, 8, 8),
                        "application/octet-stream")
                .multiPart("labelsFile", "labels-idx1-ubyte", UploadFixtures.idxLabels(labels),
                        "application/octet-stream")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
