package dev.temper.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.contract.WorkerHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** The worker's only line to the server: its job's endpoints, authenticated by the job token. */
final class ServerClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * HTTP/1.1: on plain HTTP the JDK client otherwise asks to upgrade each new connection to HTTP/2, and an
     * upgrade request that carries a large body (a model upload) was answered with GOAWAY.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final String jobUrl;
    private final String token;

    ServerClient(String serverUrl, long jobId, String token) {
        this.jobUrl = serverUrl.replaceAll("/+$", "") + "/api/worker/jobs/" + jobId;
        this.token = token;
    }

    <T> T get(String path, Class<T> type) throws IOException {
        return json.readValue(send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray()), type);
    }

    /** Downloads to a file; inputs can be large and are never held whole in memory. */
    void download(String path, Path target) throws IOException {
        send(request(path).GET(), HttpResponse.BodyHandlers.ofFile(target));
    }

    void post(String path, Object body) throws IOException {
        send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))),
                HttpResponse.BodyHandlers.discarding());
    }

    void uploadModel(Path zip, String sha256, String manifestJson) throws IOException {
        send(request("/model").header("Content-Type", "application/octet-stream")
                        .header(WorkerHeaders.MODEL_SHA256, sha256)
                        .header(WorkerHeaders.MODEL_MANIFEST,
                                Base64.getEncoder().encodeToString(manifestJson.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofFile(zip)),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(jobUrl + path)).timeout(TIMEOUT).header(WorkerHeaders.JOB_TOKEN, token);
    }

    private <T> T send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest built = request.build();
        try {
            HttpResponse<T> response = http.send(built, handler);
            if (response.statusCode() / 100 != 2) {
                throw new IOException(built.method() + " " + built.uri().getPath() + " answered "
                        + response.statusCode() + describe(response.body()));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while talking to the server", e);
        }
    }

    private static String describe(Object body) {
        if (body instanceof byte[] bytes) {
            return ": " + new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof Path file && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return ": " + new String(in.readNBytes(2000), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }
}
