package dev.temper.worker;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.temper.contract.ServeProtocol;
import dev.temper.engine.io.EngineJson;
import dev.temper.engine.io.FileTrees;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ModelArchive;
import dev.temper.engine.serving.BatchingPredictor;
import dev.temper.engine.serving.ClassProbabilities;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A serving pod's process: one model version, unpacked and checked against the hash the registry recorded, served
 * over plain HTTP with the server's micro-batching predictor. Concurrent requests run on a pool of threads so that
 * they can meet in one batch. The Service in front of it is reachable inside the cluster only; it has no sign-in.
 */
public final class ModelServer implements AutoCloseable {

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final int MAX_ROWS = 1000;
    private static final int MAX_BATCH = 256;
    private static final int REQUEST_THREADS = 16;

    /** The body of a predict request, as the server's endpoint takes it. */
    record PredictBody(float[][] rows) {
    }

    private final long modelVersionId;
    private final Path directory;
    private final BatchingPredictor predictor;
    private final HttpServer http;
    private final ExecutorService requests = Executors.newFixedThreadPool(REQUEST_THREADS);

    private ModelServer(ServeOptions options, Path directory, BatchingPredictor predictor) throws IOException {
        this.modelVersionId = options.modelVersionId();
        this.directory = directory;
        this.predictor = predictor;
        this.http = HttpServer.create(new InetSocketAddress(options.port()), 64);
        http.createContext(ServeProtocol.HEALTH_PATH, exchange -> respond(exchange, 200, "application/json",
                Map.of("modelVersionId", modelVersionId)));
        http.createContext(ServeProtocol.PREDICT_PATH, this::predict);
        http.setExecutor(requests);
        http.start();
    }

    /** Unpacks and checks the version, loads it, then answers on the port (0: any free one). */
    public static ModelServer start(ServeOptions options) throws IOException {
        Path directory = Files.createTempDirectory("temper-serve-" + options.modelVersionId() + "-");
        try {
            ModelArchive.unzip(options.modelZip(), directory);
            String actual = ContentHash.of(directory);
            if (!actual.equals(options.sha256())) {
                throw new IllegalStateException("The files of model version " + options.modelVersionId()
                        + " do not match the hash recorded when it was registered (" + options.sha256() + ", now "
                        + actual + "); it is not served");
            }
            BatchingPredictor predictor = new BatchingPredictor(directory, MAX_BATCH, Duration.ofMillis(1));
            return new ModelServer(options, directory, predictor);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(directory);
            throw e;
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void predict(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            problem(exchange, 405, "POST " + ServeProtocol.PREDICT_PATH + " with {\"rows\": [[...]]}");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            problem(exchange, 413, "at most " + MAX_BODY_BYTES + " bytes per request");
            return;
        }
        float[][] rows;
        try {
            rows = EngineJson.mapper().readValue(body, PredictBody.class).rows();
        } catch (JacksonException e) {
            problem(exchange, 400, "the body must be {\"rows\": [[...], ...]}");
            return;
        }
        String refusal = refusal(rows);
        if (refusal != null) {
            problem(exchange, 400, refusal);
            return;
        }
        float[][] logits;
        try {
            logits = predictor.submit(rows).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "interrupted");
            return;
        } catch (ExecutionException | TimeoutException e) {
            problem(exchange, 503, "the model did not answer: " + e.getMessage());
            return;
        }
        List<String> classNames = predictor.manifest().classNames();
        List<Map<String, Object>> predictions = Arrays.stream(logits).map(ClassProbabilities::of)
                .map(p -> Map.<String, Object>of("classIndex", p.classIndex(),
                        "label", classNames.get(p.classIndex()), "probabilities", p.probabilities()))
                .toList();
        respond(exchange, 200, "application/json", Map.of("modelVersionId", modelVersionId,
                "predictions", predictions));
    }

    private String refusal(float[][] rows) {
        if (rows == null || rows.length == 0 || rows.length > MAX_ROWS) {
            return "rows: give 1 to " + MAX_ROWS + " rows";
        }
        int width = predictor.manifest().inputDim();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                return "rows[" + i + "]: the model takes " + width + " values per row";
            }
            for (float value : rows[i]) {
                if (!Float.isFinite(value)) {
                    return "rows[" + i + "]: not a finite number";
                }
            }
        }
        return null;
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        respond(exchange, status, "application/problem+json", Map.of("status", status, "detail", detail));
    }

    private static void respond(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = EngineJson.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops answering, lets the predictor finish what it accepted, and deletes the unpacked files. */
    @Override
    public void close() {
        http.stop(0);
        requests.shutdown();
        predictor.close();
        FileTrees.deleteQuietly(directory);
    }
}
