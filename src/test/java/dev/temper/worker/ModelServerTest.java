package dev.temper.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.contract.ServeProtocol;
import dev.temper.engine.BlobsFixture;
import dev.temper.engine.io.EngineJson;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelArchive;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.serving.ClassProbabilities;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's serve mode on a loopback port, with a real trained model zipped as the registry stores it: it answers
 * as DJL does on the SavedModel, says it is ready on its health path, refuses bad rows, and refuses to start on
 * files whose hash is not the recorded one.
 */
class ModelServerTest {

    @TempDir
    static Path work;
    private static ExportedModel model;
    private static Path zip;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void aModelIsTrainedAndZipped() throws IOException {
        model = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), BlobsFixture.quick(7), work.resolve("model")));
        zip = work.resolve("model.zip");
        ModelArchive.zip(model.directory(), zip);
    }

    @Test
    void itServesTheVersionAsDjlAnswersIt() throws Exception {
        float[][] rows = Arrays.copyOf(BlobsFixture.test().features(), 20);
        ServeOptions options = ServeOptions.parse(ServeProtocol.arguments(zip.toString(), model.sha256(), 42, 0));
        try (ModelServer server = ModelServer.start(options)) {
            HttpResponse<String> health = get(server, ServeProtocol.HEALTH_PATH);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"modelVersionId\":42");

            HttpResponse<String> answer = post(server, EngineJson.mapper().writeValueAsString(Map.of("rows", rows)));

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode json = EngineJson.mapper().readTree(answer.body());
            assertThat(json.get("modelVersionId").asLong()).isEqualTo(42);
            ModelManifest manifest = ModelManifest.read(model.directory());
            float[][] expected;
            try (DjlInference djl = new DjlInference(model.directory(), manifest.inputDim())) {
                expected = djl.logits(manifest.standardization().apply(rows));
            }
            for (int i = 0; i < rows.length; i++) {
                ClassProbabilities djlAnswer = ClassProbabilities.of(expected[i]);
                JsonNode prediction = json.get("predictions").get(i);
                assertThat(prediction.get("classIndex").asInt()).as("row %d", i).isEqualTo(djlAnswer.classIndex());
                assertThat(prediction.get("probabilities").get(0).floatValue())
                        .isCloseTo(djlAnswer.probabilities()[0], org.assertj.core.data.Offset.offset(1e-5f));
            }
            assertThat(post(server, "{\"rows\": [[1, 2]]}").body()).contains("takes 4 values per row");
            assertThat(post(server, "{\"rows\": [[1, 2]]}").statusCode()).isEqualTo(400);
            assertThat(post(server, "not json").statusCode()).isEqualTo(400);
            assertThat(post(server, "{\"rows\": []}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void filesThatDoNotMatchTheRecordedHashAreNotServed() {
        String otherHash = "0".repeat(64);
        ServeOptions options = ServeOptions.parse(ServeProtocol.arguments(zip.toString(), otherHash, 43, 0));

        assertThatThrownBy(() -> ModelServer.start(options)).hasMessageContaining("do not match the hash");
    }

    @Test
    void everyOptionIsRequired() {
        assertThatThrownBy(() -> ServeOptions.parse(java.util.List.of("--port=8080")))
                .hasMessageContaining("--model-zip=");
    }

    private HttpResponse<String> get(ModelServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ModelServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, ServeProtocol.PREDICT_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ModelServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
