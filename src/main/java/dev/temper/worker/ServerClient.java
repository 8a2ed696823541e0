package dev.temper.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.contract.WorkerProtocol;
import dev.temper.engine.io.EngineJson;
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

/**
 * The worker's only line to the server: its job's endpoints, authenticated by the job token. Calls that
 * cannot reach the server (it restarts, the network blips) are retried with backoff for up to the patience
 * given; every call is safe to repeat. An answer saying the attempt is over, or that the server has no room to store
 * an upload, is not retried.
 */
final class ServerClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /**
     * The artifact store is full. Not retried: space comes back only when an operator frees it, so retrying would
     * re-send a large upload for the whole patience and hide the reason; failing the job at once puts the server's
     * message ("the artifact store is full: ... free, ... needed") in its failure reason.
     */
    private static final int INSUFFICIENT_STORAGE = 507;

    /**
     * HTTP/1.1: on plain HTTP the JDK client otherwise asks to upgrade each new connection to HTTP/2, and an
     * upgrade request that carries a large body (a model upload) was answered with GOAWAY.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String jobUrl;
    private final String token;
    private final Duration patience;

    ServerClient(String serverUrl, long jobId, String token, Duration patience) {
        this.jobUrl = serverUrl.replaceAll("/+$", "") + WorkerProtocol.jobPath(jobId);
        this.token = token;
        this.patience = patience;
    }

    /** The server refused the call for good: the token is void or the job takes no more reports. */
    static final class AttemptOverException extends IOException {
        AttemptOverException(String message) {
            super(message);
        }
    }

    <T> T get(String path, Class<T> type) throws IOException {
        return EngineJson.mapper().readValue(send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray()), type);
    }

    /** Downloads to a file; inputs can be large and are never held whole in memory. */
    void download(String path, Path target) throws IOException {
        send(request(path).GET(), HttpResponse.BodyHandlers.ofFile(target));
    }

    void post(String path, Object body) throws IOException {
        send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EngineJson.mapper().writeValueAsBytes(body))),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    void postEmpty(String path) throws IOException {
        send(request(path).POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
    }

    void putFile(String path, Path file) throws IOException {
        send(request(path).header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(file)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    void uploadModel(Path zip, String sha256, String manifestJson) throws IOException {
        send(request(WorkerProtocol.MODEL_PATH).header("Content-Type", "application/octet-stream")
                        .header(WorkerProtocol.MODEL_SHA256_HEADER, sha256)
                        .header(WorkerProtocol.MODEL_MANIFEST_HEADER,
                                Base64.getEncoder().encodeToString(manifestJson.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofFile(zip)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(jobUrl + path)).timeout(TIMEOUT)
                .header(WorkerProtocol.JOB_TOKEN_HEADER, token);
    }

    private <T> T send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest built = request.build();
        long deadline = System.nanoTime() + patience.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            HttpResponse<T> response = null;
            String trouble;
            try {
                response = http.send(built, handler);
                trouble = built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                        + describe(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while talking to the server", e);
            } catch (IOException e) {
                // Refused, reset or timed out: the server may be restarting.
                trouble = "The server at " + jobUrl + " cannot be reached: " + e;
            }
            if (response != null && response.statusCode() / 100 == 2) {
                return response.body();
            }
            if (response != null && (response.statusCode() == 401 || response.statusCode() == 409)) {
                throw new AttemptOverException(trouble);
            }
            boolean transientTrouble = response == null
                    || (response.statusCode() >= 500 && response.statusCode() != INSUFFICIENT_STORAGE);
            if (!transientTrouble || System.nanoTime() > deadline) {
                throw new IOException(trouble);
            }
            System.err.println(trouble + "; trying again in " + backoff.toMillis() + " ms");
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the server", e);
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
