package dev.temper.worker;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.contract.MetricBatch;
import dev.temper.contract.MetricPoint;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.devstack.DatabaseRoles;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Database;
import dev.temper.training.HandMadeAttempts;
import dev.temper.training.HandMadeAttempts.Attempt;
import dev.temper.training.JobState;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarting under a running job, played on the shared test database without stopping it: the server's
 * connections are terminated (as a restart does), and for an outage the database also refuses new connections for
 * a while. The worker's reports during the outage are answered 5xx and retried by its real client; afterwards the
 * server answers at once, and every metric point is stored exactly once.
 */
@QuarkusTest
class DatabaseOutageApiTest {

    @Inject
    TrainingJobRepository jobs;

    @Inject
    DatasetVersionRepository datasets;

    @ConfigProperty(name = "temper.worker.server-url")
    String serverUrl;

    private static long datasetId;

    private HandMadeAttempts attempts;

    @BeforeEach
    void aDatasetExists() {
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "outage-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "o.csv", CsvFixtures.blobs(90, 53).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
        attempts = new HandMadeAttempts(jobs, datasets);
    }

    @AfterEach
    void endAttempts() {
        attempts.endAll();
    }

    @Test
    void connectionsKilledBetweenTwoRequestsAreReplacedBeforeTheNextOne() throws Exception {
        Attempt attempt = attempts.start(datasetId, JobState.RUNNING);
        ServerClient worker = worker(attempt);
        worker.post(WorkerProtocol.METRICS_PATH, points(1, 10));

        try (Connection superuser = Database.superuser(); Statement sql = superuser.createStatement()) {
            terminateOthers(sql);
        }

        // Not retried into success: answered at once, on a fresh connection.
        given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token()).contentType(ContentType.JSON)
                .body(new MetricBatch(List.of(), pointList(11, 20))).post(path(attempt)).then().statusCode(200);
        assertThat(steps(attempt)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void reportsDuringAnOutageAreRetriedAndNoPointIsLostOrStoredTwice() throws Exception {
        Attempt attempt = attempts.start(datasetId, JobState.RUNNING);
        ServerClient worker = worker(attempt);
        worker.post(WorkerProtocol.METRICS_PATH, points(1, 10));

        CompletableFuture<Void> retried;
        try (Connection superuser = Database.superuserOutside(); Statement sql = superuser.createStatement()) {
            sql.execute("alter database " + DatabaseRoles.DATABASE + " allow_connections false");
            try {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + DatabaseRoles.DATABASE + "'");
                // Down: a server error, which workers retry; never a 4xx, which would end the attempt.
                int status = given().header(WorkerProtocol.JOB_TOKEN_HEADER, attempt.token())
                        .contentType(ContentType.JSON).body(new MetricBatch(List.of(), pointList(11, 20)))
                        .post(path(attempt)).then().extract().statusCode();
                assertThat(status).isBetween(500, 599);
                // People's calls are told the same, in words, with when to try again: a 503, not a 500.
                as("alice").get("/api/datasets").then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "5").body("title", equalTo("Database unavailable"));
                retried = CompletableFuture.runAsync(() -> post(worker, points(11, 20)));
                Thread.sleep(1_000);
                assertThat(retried).isNotDone();
            } finally {
                sql.execute("alter database " + DatabaseRoles.DATABASE + " allow_connections true");
            }
        }
        retried.get(60, TimeUnit.SECONDS);

        as("alice").get("/api/jobs/{id}", attempt.jobId()).then().statusCode(200);
        // The batch may have been stored by a call whose answer was lost; a resend adds nothing.
        post(worker, points(11, 20));
        assertThat(steps(attempt)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    }

    private ServerClient worker(Attempt attempt) {
        return new ServerClient(serverUrl, attempt.jobId(), attempt.token(), Duration.ofSeconds(60));
    }

    private static void post(ServerClient worker, MetricBatch batch) {
        try {
            worker.post(WorkerProtocol.METRICS_PATH, batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MetricBatch points(int first, int last) {
        return new MetricBatch(List.of(), pointList(first, last));
    }

    private static List<MetricPoint> pointList(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(step -> new MetricPoint("step/loss", step, 1, 1.0 / step))
                .toList();
    }

    private static List<Integer> steps(Attempt attempt) {
        return as("alice").get("/api/jobs/{id}/series?name=step/loss&max=10000", attempt.jobId()).then()
                .statusCode(200).extract().jsonPath().getList("step", Integer.class);
    }

    private static String path(Attempt attempt) {
        return WorkerProtocol.jobPath(attempt.jobId()) + WorkerProtocol.METRICS_PATH;
    }

    private static void terminateOthers(Statement sql) throws SQLException {
        sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid()");
    }
}
