package dev.temper.training;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.contract.WorkerProtocol;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.training.HandMadeAttempts.Attempt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orchestration figures, printed (not asserted): submit to running with the local executor, ingestion of
 * 1,000-point metric batches, and many concurrent workers streaming for minutes with no point lost. Not
 * part of the suite (the name does not end in Test); run it with
 * {@code ./mvnw test -Dtest=OrchestrationBenchmark [-Dbench.workers=20 -Dbench.minutes=5]}.
 */
@QuarkusTest
class OrchestrationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL server;

    @Inject
    TrainingJobRepository jobs;

    @Inject
    DatasetVersionRepository datasets;

    @Inject
    EntityManager entityManager;

    private static long datasetId;

    @Test
    void submitToRunningWithTheLocalExecutor() {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            long id = as("alice").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", "bench-" + i,
                    "datasetVersionId", datasetId(), "architecture", Map.of("type", "MLP", "hiddenWidths", List.of(8)),
                    "strategy", Map.of("epochs", 1))).post("/api/jobs").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> !List.of("QUEUED",
                    "STARTING").contains(as("alice").get("/api/jobs/{id}", id).then().extract().jsonPath().getString("state")));
            seconds.add((System.nanoTime() - start) / 1e9);
            await().atMost(Duration.ofMinutes(2)).until(() -> !List.of("QUEUED", "STARTING", "RUNNING")
                    .contains(as("alice").get("/api/jobs/{id}", id).then().extract().jsonPath().getString("state")));
        }
        print("submit -> RUNNING (local executor, 5 jobs one after another)", seconds, "s");
    }

    @Test
    void ingestionOfThousandPointBatches() throws Exception {
        Worker worker = new Worker(startedAttempt(), "bench/ingest");
        for (int i = 0; i < 10; i++) {
            worker.send(1_000); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        int batches = 200;
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            long t = System.nanoTime();
            worker.send(1_000);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        double total = (System.nanoTime() - start) / 1e9;
        print("1,000-point batch latency (" + batches + " batches, one worker)", millis, "ms");
        System.out.printf(Locale.ROOT, "BENCH ingestion throughput: %.0f points/s%n", batches * 1_000 / total);
        assertThat(stored(worker.jobId)).isEqualTo(worker.sent);
    }

    @Test
    void concurrentWorkersStreamWithoutLosingPoints() throws Exception {
        int workers = Integer.getInteger("bench.workers", 20);
        Duration duration = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("bench.minutes", "5")) * 60));
        List<Worker> streams = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            streams.add(new Worker(startedAttempt(), "bench/stream"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        Instant end = Instant.now().plus(duration);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> running = new ArrayList<>();
        for (Worker worker : streams) {
            running.add(pool.submit(() -> {
                Random random = new Random(worker.jobId);
                while (Instant.now().isBefore(end)) {
                    long t = System.nanoTime();
                    worker.send(200);
                    if (random.nextInt(10) == 0) {
                        worker.resendLast(); // as a worker does after a timeout: must not count twice
                    }
                    worker.heartbeat();
                    millis.add((System.nanoTime() - t) / 1e6);
                    Thread.sleep(1_000);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        long sent = 0;
        long stored = 0;
        for (Worker worker : streams) {
            sent += worker.sent;
            stored += stored(worker.jobId);
        }
        print(workers + " workers, " + duration.toSeconds() + " s, 200 points + heartbeat per second each", millis, "ms");
        System.out.printf(Locale.ROOT, "BENCH streamed: %d points sent, %d stored, %d lost%n", sent, stored, sent - stored);
        assertThat(stored).isEqualTo(sent);
    }

    private long stored(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from job_metric_point where job_id = ?1").setParameter(1, jobId)
                .getSingleResult()).longValue());
    }

    /** A simulated worker: the real protocol over HTTP, without the training. */
    private final class Worker {
        private final long jobId;
        private final String token;
        private final String series;
        private int step;
        private long sent;
        private byte[] last;

        Worker(Attempt attempt, String series) {
            this.jobId = attempt.jobId();
            this.token = attempt.token();
            this.series = series;
        }

        void send(int points) throws Exception {
            List<Map<String, Object>> batch = new ArrayList<>(points);
            for (int i = 0; i < points; i++) {
                step++;
                batch.add(Map.of("name", series, "step", step, "epoch", 1, "value", Math.exp(-step / 1e4)));
            }
            last = JSON.writeValueAsBytes(Map.of("points", batch));
            post("/metrics", last);
            sent += points;
        }

        void resendLast() throws Exception {
            post("/metrics", last);
        }

        void heartbeat() throws Exception {
            post("/heartbeat", new byte[0]);
        }

        private void post(String endpoint, byte[] body) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(server.toString().replaceAll("/$", "") + "/api/worker/jobs/" + jobId + endpoint))
                    .header(WorkerProtocol.JOB_TOKEN_HEADER, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(endpoint + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private HandMadeAttempts attempts;

    @BeforeEach
    void handMadeAttempts() {
        attempts = new HandMadeAttempts(jobs, datasets);
    }

    @AfterEach
    void endAttempts() {
        attempts.endAll();
    }

    private Attempt startedAttempt() {
        return attempts.start(datasetId(), JobState.RUNNING);
    }

    private static synchronized long datasetId() {
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "bench-blobs").multiPart("labelColumn", "species")
                    .multiPart("file", "b.csv", CsvFixtures.blobs(150, 77).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
        return datasetId;
    }

    private static void print(String what, List<Double> values, String unit) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "BENCH %s: n=%d mean=%.3f p50=%.3f p95=%.3f max=%.3f %s%n", what, sorted.size(),
                mean, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted.get(sorted.size() - 1), unit);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
