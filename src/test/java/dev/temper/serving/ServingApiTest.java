package dev.temper.serving;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.BlobsFixture;
import dev.temper.engine.ImagesFixture;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.storage.ArtifactStore;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.StoredModels;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approval serves the approved model: its answers are DJL's on the approved SavedModel, only its team may ask, bad
 * rows are refused, a switch to the next approved version loses no request and every answer names its version, and
 * a model whose stored files no longer match their recorded hash is not served. An image model also takes one PNG per
 * request and answers it exactly as it answers the same pixels sent as a row.
 */
@QuarkusTest
class ServingApiTest {

    private static long datasetId;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    ArtifactStore store;

    private HandMadeEvaluations made;

    @BeforeEach
    void aDatasetExists() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "serving-lineage").multiPart("labelColumn", "species")
                    .multiPart("file", "s.csv", CsvFixtures.blobs(60, 17).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    @Test
    void theApprovedModelAnswersAsDjlDoesAndOnlyForItsTeam() throws IOException {
        String name = "served-" + UUID.randomUUID().toString().substring(0, 8);
        Trained v1 = register(name, 1, 11, false);
        approve(v1.id());
        float[][] rows = Arrays.copyOf(BlobsFixture.test().features(), 40);

        JsonPath answer = predict("alice", name, rows).statusCode(200).extract().jsonPath();

        assertThat(answer.getLong("modelVersionId")).isEqualTo(v1.id());
        assertThat(answer.getInt("version")).isEqualTo(1);
        float[][] expected;
        try (DjlInference djl = new DjlInference(v1.directory(), ModelManifest.read(v1.directory()).inputDim())) {
            expected = djl.logits(ModelManifest.read(v1.directory()).standardization().apply(rows));
        }
        List<Integer> classes = answer.getList("predictions.classIndex");
        for (int i = 0; i < rows.length; i++) {
            assertThat(classes.get(i)).as("row %d", i).isEqualTo(argMax(expected[i]));
            List<Float> probabilities = answer.getList("predictions[" + i + "].probabilities", Float.class);
            assertThat(probabilities.stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-4));
        }
        // A viewer of the team may ask; another team, or nobody signed in, learns nothing.
        predict("dana", name, rows).statusCode(200);
        predict("bob", name, rows).statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("rows", rows)).post("/api/serving/team-a/{m}/predict", name)
                .then().statusCode(401);
        predict("alice", "not-" + name, rows).statusCode(404).body("detail", containsString("serves " + name + " v1"));
        // Rows the model cannot take are refused with the reason.
        predict("alice", name, new float[][] {{1f, 2f}}).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("takes 4 values per row, got 2"));
        predict("alice", name, new float[1001][4]).statusCode(400).body("detail", containsString("at most 1000"));
        as("alice").contentType(ContentType.JSON).body("{\"rows\": [[1, 2, 3, \"x\"]]}")
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(400);
        // The figures count what was served.
        JsonPath status = as("alice").get("/api/serving/team-a").then().statusCode(200).extract().jsonPath();
        assertThat(status.getLong("modelVersionId")).isEqualTo(v1.id());
        assertThat(status.getLong("figures.predictions")).isGreaterThanOrEqualTo(80);
        assertThat(status.getDouble("figures.p50Millis")).isPositive();
        as("bob").get("/api/serving/team-a").then().statusCode(404);
    }

    @Test
    void aPngImageIsAnsweredExactlyAsTheSamePixelsSentAsARow() throws IOException {
        String name = "png-" + UUID.randomUUID().toString().substring(0, 8);
        Trained cnn = register(name, 1, false, work -> Trainer.pretrain(ImagesFixture.architecture(1),
                TrainingRequest.of(ImagesFixture.images(120, 3, 1, 41), ImagesFixture.images(30, 3, 1, 42),
                        BlobsFixture.quick(43), work.resolve("model"))));
        approve(cnn.id());
        // Uploaded images become bytes, then byte / 255: the rows sent as arrays hold exactly those values.
        float[][] images = ImagesFixture.images(6, 3, 1, 44).features();
        for (float[] image : images) {
            byte[] png = GreyPng.encode(image, 8, 8);
            float[] pixels = GreyPng.asTrained(image);

            JsonPath fromPng = as("alice").contentType("image/png").body(png)
                    .post("/api/serving/team-a/{m}/predict", name).then().statusCode(200).extract().jsonPath();
            JsonPath fromRow = predict("alice", name, new float[][] {pixels}).statusCode(200).extract().jsonPath();

            assertThat(fromPng.getLong("modelVersionId")).isEqualTo(cnn.id());
            assertThat(fromPng.getInt("predictions[0].classIndex")).isEqualTo(fromRow.getInt("predictions[0].classIndex"));
            assertThat(fromPng.getList("predictions[0].probabilities", Float.class))
                    .isEqualTo(fromRow.getList("predictions[0].probabilities", Float.class));
        }
        // A colour PNG of the same pixels is turned to grey by luminance, as the dataset import does.
        byte[] colour = GreyPng.encodeAsRgb(images[0], 8, 8);
        JsonPath fromColour = as("alice").contentType("image/png").body(colour)
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(200).extract().jsonPath();
        JsonPath fromGrey = predict("alice", name, new float[][] {GreyPng.asTrained(images[0])}).statusCode(200)
                .extract().jsonPath();
        assertThat(fromColour.getList("predictions[0].probabilities", Float.class))
                .isEqualTo(fromGrey.getList("predictions[0].probabilities", Float.class));

        // Wrong size, not a PNG, too large, another team: each says why.
        as("alice").contentType("image/png").body(GreyPng.encode(new float[9 * 8], 9, 8))
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("9 pixels wide and 8 high"))
                .body("detail", containsString("takes images 8 wide and 8 high"));
        as("alice").contentType("image/png").body("GIF89a not a png".getBytes(StandardCharsets.US_ASCII))
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not a PNG image"));
        byte[] truncated = Arrays.copyOf(GreyPng.encode(images[0], 8, 8), 40);
        as("alice").contentType("image/png").body(truncated).post("/api/serving/team-a/{m}/predict", name).then()
                .statusCode(400).body("detail", containsString("PNG"));
        as("alice").contentType("image/png").body(new byte[4 * 1024 * 1024 + 1])
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("at most 4194304 bytes"));
        as("bob").contentType("image/png").body(GreyPng.encode(images[0], 8, 8))
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(404);
    }

    @Test
    void anMlpRefusesImages() throws IOException {
        String name = "rows-only-" + UUID.randomUUID().toString().substring(0, 8);
        approve(register(name, 1, 51, false).id());
        as("alice").contentType("image/png").body(GreyPng.encode(new float[64], 8, 8))
                .post("/api/serving/team-a/{m}/predict", name).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not images"));
    }

    @Test
    void aSwitchToTheNextApprovedVersionLosesNoRequestAndEachAnswerNamesItsVersion() throws Exception {
        String name = "switched-" + UUID.randomUUID().toString().substring(0, 8);
        Trained v1 = register(name, 1, 21, false);
        approve(v1.id());
        Trained v2 = register(name, 2, 22, false);
        float[][] rows = Arrays.copyOf(BlobsFixture.test().features(), 8);
        predict("alice", name, rows).statusCode(200);

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> seen = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            seen.add(clients.submit(() -> {
                List<Integer> versions = new ArrayList<>();
                while (!stop.get() || versions.size() < 5) {
                    versions.add(predict("alice", name, rows).statusCode(200).extract().jsonPath().getInt("version"));
                }
                return versions;
            }));
        }
        Thread.sleep(300);
        approve(v2.id());
        // After the approval has answered, every new request is served by v2.
        for (int i = 0; i < 5; i++) {
            assertThat(predict("alice", name, rows).statusCode(200).extract().jsonPath().getInt("version")).isEqualTo(2);
        }
        stop.set(true);
        int answers = 0;
        for (Future<List<Integer>> client : seen) {
            List<Integer> versions = client.get();
            answers += versions.size();
            assertThat(versions).as("a client never goes back to v1 once v2 answered it").isSorted();
            assertThat(versions.get(versions.size() - 1)).isEqualTo(2);
        }
        clients.shutdown();
        assertThat(answers).isGreaterThan(20);
        assertThat(v2.id()).isNotEqualTo(v1.id());
    }

    @Test
    void aModelWhoseStoredFilesWereChangedIsNotServed() throws IOException {
        String name = "tampered-" + UUID.randomUUID().toString().substring(0, 8);
        Trained tampered = register(name, 1, 31, true);
        approve(tampered.id());

        predict("alice", name, Arrays.copyOf(BlobsFixture.test().features(), 2)).statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("do not match the hash"));
    }

    private record Trained(long id, Path directory) {
    }

    /**
     * Trains a small real model, stores it as the registry does (a zip under a fresh key) and records it as team-a's
     * version {@code version} of {@code name}; with {@code tamper}, the stored zip is of a changed copy.
     */
    private Trained register(String name, int version, long seed, boolean tamper) throws IOException {
        return register(name, version, tamper, work -> Trainer.pretrain(BlobsFixture.architecture(),
                TrainingRequest.of(BlobsFixture.train(), BlobsFixture.validation(), BlobsFixture.quick(seed),
                        work.resolve("model"))));
    }

    private Trained register(String name, int version, boolean tamper, Function<Path, ExportedModel> training)
            throws IOException {
        Path work = Files.createTempDirectory("serving-test");
        ExportedModel model = training.apply(work);
        if (tamper) {
            Files.writeString(model.directory().resolve("extra.txt"), "changed after registration");
        }
        long id = made.model(datasetId);
        StoredModels.store(store, models, id, name, version, model);
        return new Trained(id, model.directory());
    }

    private static void approve(long modelVersionId) {
        long request = as("alice").contentType(ContentType.JSON)
                .body(Map.of("modelVersionId", modelVersionId, "comment", "serve it"))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
        as("carol").contentType(ContentType.JSON).body(Map.of("approve", true, "comment", "approved"))
                .post("/api/approvals/{id}/decision", request).then().statusCode(200);
    }

    private static ValidatableResponse predict(String user, String model, float[][] rows) {
        return as(user).contentType(ContentType.JSON).body(Map.of("rows", rows))
                .post("/api/serving/team-a/{m}/predict", model).then();
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
