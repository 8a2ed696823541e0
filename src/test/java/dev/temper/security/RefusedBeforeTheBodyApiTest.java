package dev.temper.security;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.temper.contract.WorkerProtocol;
import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Who may send a body is decided before the body is read: a caller without a valid worker token, a viewer uploading
 * a dataset, or a junk bearer token is refused at once with problem+json, and nothing reaches the upload spool.
 */
@QuarkusTest
class RefusedBeforeTheBodyApiTest {

    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    @Test
    void theWorkerApiAnswers401BeforeReadingABody() throws IOException {
        long spooledBefore = spooledFiles();
        List<Map<String, Object>> points = new ArrayList<>();
        for (int step = 1; step <= 10_001; step++) {
            points.add(Map.of("name", "step/loss", "step", step, "epoch", 1, "value", 0.5));
        }
        // More points than a batch may hold (and under the 1 MiB JSON limit): 401, not a 400 about the batch's size.
        given().contentType(ContentType.JSON).body(Map.of("points", points)).post("/api/worker/jobs/1/metrics")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString(WorkerProtocol.JOB_TOKEN_HEADER));
        given().header(WorkerProtocol.JOB_TOKEN_HEADER, "not-a-token").contentType(ContentType.BINARY)
                .body(new byte[4 << 20]).put("/api/worker/jobs/1/checkpoint?epoch=1").then().statusCode(401);
        // A person's Keycloak token does not open the worker API either.
        as("alice").contentType(ContentType.BINARY).body(new byte[1 << 20]).put("/api/worker/jobs/1/checkpoint?epoch=1")
                .then().statusCode(401);
        assertThat(spooledFiles()).isEqualTo(spooledBefore);
    }

    @Test
    void aViewersUploadIsRefusedBeforeItIsReadAndTheRefusalIsAudited() {
        as("dana").multiPart("name", "viewer-upload").multiPart("labelColumn", "species")
                .multiPart("file", "v.csv", CsvFixtures.blobs(40, 9).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(403).contentType("application/problem+json");
        as("dana").contentType("text/csv").body(CsvFixtures.blobs(40, 9)).queryParam("name", "viewer-stream")
                .queryParam("labelColumn", "species").post("/api/datasets/stream").then().statusCode(403)
                .contentType("application/problem+json");
        JsonPath refusals = as("erin").get("/api/audit?actor=dana&action=dataset.register&size=500").then()
                .statusCode(200).extract().jsonPath();
        assertThat(refusals.getList("items.outcome", String.class)).hasSizeGreaterThanOrEqualTo(2)
                .containsOnly("DENIED");
        // bob names a team that is not his: refused before his body is spooled, and nothing is registered.
        as("bob").contentType("text/csv").body(CsvFixtures.blobs(40, 9)).queryParam("name", "wrong-team")
                .queryParam("team", "team-a").queryParam("labelColumn", "species").post("/api/datasets/stream")
                .then().statusCode(403);
        assertThat(as("alice").get("/api/datasets?name=viewer-&size=500").then().extract().jsonPath()
                .getList("items")).isEmpty();
    }

    @Test
    void aJunkBearerTokenIs401WithoutAskingKeycloak() {
        given().auth().oauth2("junk-that-is-no-jwt").get("/api/datasets").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJldmUifQ.").get("/api/datasets").then().statusCode(401);
    }

    private long spooledFiles() throws IOException {
        Path directory = Path.of(uploadsDirectory);
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
