package dev.temper.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's client against a real loopback HTTP server that is away, answers 5xx, or ends the attempt. */
class ServerClientTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aCallWaitsForAServerThatComesBack() throws Exception {
        int port = freePort();
        ServerClient client = new ServerClient("http://127.0.0.1:" + port, 7, "token", Duration.ofSeconds(30));
        AtomicInteger heartbeats = new AtomicInteger();
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
            try {
                client.postEmpty("/heartbeat");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Thread.sleep(1_500); // the server is restarting: connections are refused meanwhile
        assertThat(call).isNotDone();
        server = start(port, 204, "", heartbeats);
        call.get();
        assertThat(heartbeats).hasValue(1);
    }

    @Test
    void aServerErrorIsRetriedUntilThePatienceRunsOut() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = start(0, 503, "restarting", calls);
        ServerClient client = new ServerClient(url(), 7, "token", Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.post("/metrics", Map.of())).isInstanceOf(IOException.class)
                .hasMessageContaining("answered 503: restarting");
        assertThat(calls.get()).isGreaterThan(1);
    }

    @Test
    void anEndedAttemptIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = start(0, 409, "Job 7 is CANCELLED; it takes no more reports", calls);
        ServerClient client = new ServerClient(url(), 7, "token", Duration.ofSeconds(30));
        assertThatThrownBy(() -> client.post("/metrics", Map.of())).isInstanceOf(ServerClient.AttemptOverException.class)
                .hasMessageContaining("CANCELLED");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFullArtifactStoreIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = start(0, 507, "The artifact store is full", calls);
        ServerClient client = new ServerClient(url(), 7, "token", Duration.ofSeconds(30));
        assertThatThrownBy(() -> client.putFile("/checkpoint/1", Files.writeString(Files.createTempFile("ck", ".zip"), "x")))
                .isInstanceOf(IOException.class).hasMessageContaining("answered 507: The artifact store is full");
        assertThat(calls).hasValue(1);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static HttpServer start(int port, int status, String body, AtomicInteger calls) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/api/worker/jobs/7/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        http.start();
        return http;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
