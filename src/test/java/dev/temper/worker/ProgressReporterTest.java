package dev.temper.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.temper.base.Json;
import dev.temper.base.http.BodyLimits;
import dev.temper.contract.LogBatch;
import dev.temper.contract.LogLine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the reporter sends fits the server's body limit, whatever the lines hold, and loses no line. */
class ProgressReporterTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void longLinesAreSentInBatchesUnderTheJsonLimit() throws IOException {
        List<Integer> bodySizes = new ArrayList<>();
        List<LogLine> received = new ArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/worker/jobs/7/logs", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                bodySizes.add(body.length);
                received.addAll(Json.read(new String(body, StandardCharsets.UTF_8), LogBatch.class).lines());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        ServerClient client = new ServerClient("http://127.0.0.1:" + server.getAddress().getPort(), 7, "token",
                Duration.ofSeconds(5));

        ProgressReporter reporter = new ProgressReporter(client);
        // Quotes and control characters are escaped in JSON: these lines grow by up to six times on the wire.
        String awkward = "\"\u0001\u00e9".repeat(1_500);
        for (int i = 0; i < 400; i++) {
            reporter.log(i + ": " + awkward);
        }
        reporter.flush();

        assertThat(bodySizes).hasSizeGreaterThan(1).allSatisfy(size ->
                assertThat(size).isLessThanOrEqualTo((int) BodyLimits.JSON_MAX_BYTES));
        assertThat(received).extracting(LogLine::seq).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 400).boxed().toList());
        assertThat(received.get(0).line()).hasSize(LogLine.MAX_LENGTH + 3).endsWith("...");
    }
}
