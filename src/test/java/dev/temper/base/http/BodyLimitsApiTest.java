package dev.temper.base.http;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testsupport.KeycloakTestResource;
import dev.temper.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every API body is bounded by its headers, before anything reads it. The requests here announce a body and
 * send none (or only a little): an answer that comes back at once proves the server decided without waiting
 * for the body; a server that read first would wait, and the socket's timeout would fail the test.
 */
@QuarkusTest
class BodyLimitsApiTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aJsonBodyOverOneMibIsRefusedBeforeItIsSent() throws IOException {
        Answer answer = announce("POST", "/api/jobs", "application/json", 1024 * 1024 + 1, bearer("alice"));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("A JSON body may hold at most 1 MiB, not 1,048,577 bytes");
        // Unauthenticated, too: a 2 GiB claim costs the server nothing.
        assertThat(announce("PUT", "/api/policies/team-a", "application/json", 2 * GIB, null).status())
                .isEqualTo(413);
    }

    @Test
    void aBodyAtTheLimitIsReadAndJudgedOnItsContent() {
        String padded = "{\"name\": \"" + "x".repeat(1024 * 1024 - 64) + "\"}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024 * 1024);
        int status = as("alice").contentType(ContentType.JSON).body(padded).post("/api/jobs").then()
                .extract().statusCode();
        assertThat(status).isEqualTo(400);
    }

    @Test
    void aChunkedJsonBodyMustStateItsLength() throws IOException {
        Answer answer = announceChunked("/api/jobs", bearer("alice"));
        assertThat(answer.status()).isEqualTo(411);
        assertThat(answer.body()).contains("Content-Length");
    }

    @Test
    void uploadsAndReportsHaveTheirOwnAllowances() throws IOException {
        // Uploads stream and check their own size: past this limit, they reach authentication (401), not 413.
        assertThat(announce("POST", "/api/datasets/stream", "text/csv", GIB, null).status()).isEqualTo(401);
        assertThat(announce("PUT", "/api/worker/jobs/1/checkpoint?epoch=1", "application/octet-stream", GIB, null)
                .status()).isEqualTo(401);
        assertThat(announce("POST", "/api/worker/jobs/1/model", "application/octet-stream", GIB, null).status())
                .isEqualTo(401);
        // An evaluation report may be larger than other JSON, and still bounded.
        assertThat(announce("POST", "/api/worker/jobs/1/evaluation", "application/json", 2 * 1024 * 1024, null)
                .status()).isEqualTo(401);
        Answer report = announce("POST", "/api/worker/jobs/1/evaluation", "application/json", 65L * 1024 * 1024, null);
        assertThat(report.status()).isEqualTo(413);
        assertThat(report.body()).contains("An evaluation report may hold at most 64 MiB");
        assertThat(announce("POST", "/api/serving/team-a/m/predict", "application/json", 17L * 1024 * 1024,
                bearer("alice")).status()).isEqualTo(413);
        // Metric batches are JSON like any other.
        assertThat(announce("POST", "/api/worker/jobs/1/metrics", "application/json", 2 * 1024 * 1024, null)
                .status()).isEqualTo(413);
    }

    @Test
    void aContentLengthThatIsNoNumberIsABadRequest() throws IOException {
        Answer answer = send("POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: lots\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
    }

    private static String bearer(String user) {
        return "Bearer " + Tokens.accessToken(KeycloakTestResource.realmUrl(), user);
    }

    private Answer announce(String method, String path, String type, long length, String authorization)
            throws IOException {
        return send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\n"
                + "Content-Length: " + length + "\r\n" + (authorization == null ? "" : "Authorization: "
                + authorization + "\r\n") + "Connection: close\r\n\r\n");
    }

    private Answer announceChunked(String path, String authorization) throws IOException {
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n"
                + "2\r\n{}\r\n");
    }

    /** Sends the head (and no more body than given) and reads the answer the server gives meanwhile. */
    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Answer.parse(readHead(socket.getInputStream()));
        }
    }

    /** Reads until the server closes or the body it announced has come. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            seen.write(buffer, 0, read);
            String text = seen.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                Answer head = Answer.parse(text);
                if (head.contentLength() >= 0 && text.length() - end - 4 >= head.contentLength()) {
                    return text;
                }
            }
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private record Answer(int status, String contentType, int contentLength, String body) {

        static Answer parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = null;
            int length = -1;
            for (String line : lines) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new Answer(status, type, length, body);
        }
    }
}
