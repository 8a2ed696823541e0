package dev.temper.load;

import static dev.temper.testsupport.Api.as;
import static org.awaitility.Awaitility.await;

import dev.temper.browser.PageVisitor;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.KeycloakTestResource;
import dev.temper.training.executor.WorkerLaunch;
import dev.temper.worker.PlayedWorker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Load and fault harness (issue 13, item 6), not a test: it asserts nothing and the default run skips it by its
 * name. For a configurable time, 20 played workers (the real dispatcher issues their tokens; {@link PlayedWorkers})
 * stream heartbeats, step metrics and log lines through the worker's own client, 50 REST users with real Keycloak
 * tokens read the pages' API calls, and a few real Chromium sessions open pages; mid-run, optional fault phases
 * restart PostgreSQL, stop Keycloak for a minute, and fill the artifact store under a really training job. It prints
 * requests, errors by kind and phase, p50/p95/p99 per call, metric points made, delivered and stored, browser page
 * loads, and what each fault did; the figures also land in target/load-and-faults.txt. See docs/load-and-faults.md.
 *
 * <p>Run (all of it, 10 minutes): {@code flock /tmp/browser-8081.lock env QUARKUS_HTTP_TEST_PORT=8081
 * TEMPER_REQUIRE_BROWSER=true ./mvnw -o -B -ntp test -Dtest=LoadAndFaultsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dload.postgres-restart=true -Dload.keycloak-down=true -Dload.store-full=true}; {@code -Dload.minutes=2} for a
 * short run, {@code -Dload.browsers=0} without a browser (then any port will do).
 */
@QuarkusTest
@TestProfile(LoadProfile.class)
class LoadAndFaultsBenchmark {

    private static final Duration DURATION = Duration.ofSeconds(
            Math.round(Double.parseDouble(System.getProperty("load.minutes", "10")) * 60));
    private static final int WORKERS = Integer.getInteger("load.workers", 20);
    private static final int USERS = Integer.getInteger("load.users", 50);
    private static final int BROWSERS = Integer.getInteger("load.browsers", 3);
    private static final boolean POSTGRES_RESTART = Boolean.getBoolean("load.postgres-restart");
    private static final boolean KEYCLOAK_DOWN = Boolean.getBoolean("load.keycloak-down");
    private static final boolean STORE_FULL = Boolean.getBoolean(ArtifactVolume.STORE_FULL_PROPERTY);
    private static final Duration POSTGRES_DOWN = Duration.ofSeconds(Integer.getInteger("load.postgres-down-seconds", 15));
    private static final Duration KEYCLOAK_OUTAGE = Duration.ofSeconds(Integer.getInteger("load.keycloak-down-seconds", 60));
    /** The first seconds, counted apart: every thread starts at once on a server whose code is not yet compiled. */
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    /** How long after a fault ends its effects are still counted under its name. */
    private static final Duration AFTERMATH = Duration.ofSeconds(30);
    /** A worker on a small model: five steps a second, reported every two seconds (three points a step). */
    private static final int STEPS_PER_TICK = 10;
    private static final Duration TICK = Duration.ofSeconds(2);
    private static final Duration WORKER_PATIENCE = Duration.ofSeconds(30);
    private static final String TEAM_B_OWNER = "bob";
    private static final List<String> BROWSER_PEOPLE = List.of("alice", "carol", "dana");
    /** Pages whose grid has rows in a fresh database once the harness has made its datasets and jobs. */
    private static final Map<String, String> PAGES = Map.of("/jobs", "jobs-grid", "/datasets", "datasets-grid",
            "/quotas", "quotas-grid");

    @TestHTTPResource("/")
    URL root;

    @Inject
    PlayedWorkers executor;
    @Inject
    AgroalDataSource dataSource;

    private final Meter meter = new Meter();
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void loadAndFaults() throws Exception {
        String server = root.toString().replaceAll("/$", "");
        print("load and faults: %d played workers, %d REST users, %d browsers, %d s; faults: postgres restart %s,"
                        + " keycloak down %s, store full %s; machine: %d cores, load average at start %s", WORKERS, USERS,
                BROWSERS, DURATION.toSeconds(), POSTGRES_RESTART, KEYCLOAK_DOWN, STORE_FULL,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        for (String team : List.of("team-a", "team-b")) {
            as("erin").contentType(ContentType.JSON).body(Map.of("maxGpus", 0, "maxConcurrentJobs", WORKERS))
                    .put("/api/quotas/{team}", team).then().statusCode(200);
        }
        long teamADataset = dataset("alice");
        long teamBDataset = dataset(TEAM_B_OWNER);
        Map<String, List<Long>> jobsByTeam = new LinkedHashMap<>();
        jobsByTeam.put("team-a", new ArrayList<>());
        jobsByTeam.put("team-b", new ArrayList<>());
        List<PlayedWorker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            boolean teamB = i % 5 == 4;
            String owner = teamB ? TEAM_B_OWNER : "alice";
            long jobId = submit(owner, teamB ? teamBDataset : teamADataset, "load-" + i, 10_000, 0);
            jobsByTeam.get(teamB ? "team-b" : "team-a").add(jobId);
            WorkerLaunch launch = await().atMost(Duration.ofMinutes(1))
                    .until(() -> executor.launchOf(jobId).orElse(null), l -> l != null);
            PlayedWorker worker = new PlayedWorker(server, jobId, launch.token(), WORKER_PATIENCE, meter::time);
            worker.start();
            workers.add(worker);
        }
        print("%d jobs submitted through the API, started by the dispatcher, their workers playing", workers.size());

        Instant start = Instant.now();
        Instant end = start.plus(DURATION);
        meter.phase("warm-up");
        List<Thread> threads = new ArrayList<>();
        for (PlayedWorker worker : workers) {
            threads.add(daemon("worker-" + worker.jobId(), () -> {
                while (!stop.get() && Instant.now().isBefore(end)) {
                    worker.tick(STEPS_PER_TICK);
                    sleep(TICK);
                }
                // What is still buffered goes now, as a closing worker sends it: waiting for the other threads
                // first would leave it silent past the heartbeat timeout, and the server would call it lost.
                worker.tick(0);
            }));
        }
        threads.addAll(new RestUsers(server, jobsByTeam, meter).start(USERS, end, stop));
        List<BrowserSession> browsers = new ArrayList<>();
        int browserCount = PageVisitor.available() ? BROWSERS : 0;
        if (browserCount < BROWSERS) {
            print("Chromium is not installed: no browser sessions");
        }
        for (int i = 0; i < browserCount; i++) {
            BrowserSession session = new BrowserSession(browserUrl(server), BROWSER_PEOPLE.get(i % BROWSER_PEOPLE.size()));
            browsers.add(session);
            threads.add(daemon("browser-" + i, () -> session.browse(end)));
        }

        runFaults(start, end, server, teamADataset, browsers);
        await().atMost(DURATION.plusMinutes(5)).until(() -> Instant.now().isAfter(end));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(2).toMillis());
        }
        Duration ran = Duration.between(start, Instant.now());

        reportWorkers(workers, jobsByTeam);
        print("REST and worker calls over %d s: %d requests, %d errors (%.1f requests/s)", ran.toSeconds(),
                meter.requests(), meter.errorCount(), meter.requests() / (double) ran.toSeconds());
        meter.errors().forEach((kind, count) -> print("  error x%d: %s", count, kind));
        meter.table().forEach(this::print);
        print("worst p95 of the page-backing API calls outside fault phases: %.1f ms (target < 300 ms)",
                meter.worstP95(RestUsers.CALL_PREFIX + "/api/"));
        for (BrowserSession session : browsers) {
            print("browser %s: %d page loads, %d failures%s", session.person, session.loads, session.failures.size(),
                    session.failures.isEmpty() ? "" : ": " + session.failures);
            session.close();
        }
        print("load average at the end: %s", loadAverage());
        for (long jobId : jobsByTeam.get("team-a")) {
            as("alice").post("/api/jobs/{id}/cancel", jobId);
        }
        for (long jobId : jobsByTeam.get("team-b")) {
            as(TEAM_B_OWNER).post("/api/jobs/{id}/cancel", jobId);
        }
        Files.write(Path.of("target", "load-and-faults.txt"), report);
    }

    /** The fault phases, in order at a quarter, half and three quarters of the run; each optional. */
    private void runFaults(Instant start, Instant end, String server, long datasetId, List<BrowserSession> browsers)
            throws Exception {
        Duration quarter = Duration.between(start, end).dividedBy(4);
        sleepUntil(start.plus(WARM_UP));
        meter.phase(null);
        if (POSTGRES_RESTART) {
            sleepUntil(start.plus(quarter));
            PostgresRestart postgres = PostgresRestart.ofRunningServer();
            meter.phase("postgres restart");
            long t = System.nanoTime();
            postgres.restart(POSTGRES_DOWN);
            print("postgres restart: down for %d s (fast shutdown, then the same server again), back after %.1f s",
                    POSTGRES_DOWN.toSeconds(), (System.nanoTime() - t) / 1e9);
            sleep(AFTERMATH);
            meter.phase(null);
        }
        if (KEYCLOAK_DOWN) {
            sleepUntil(start.plus(quarter.multipliedBy(2)));
            keycloakOutage(server, browsers);
        }
        if (STORE_FULL) {
            sleepUntil(start.plus(quarter.multipliedBy(3)));
            storeFull(datasetId);
        }
    }

    private void keycloakOutage(String server, List<BrowserSession> browsers) throws Exception {
        meter.phase("keycloak down");
        int loadsBefore = browsers.stream().mapToInt(b -> b.loads).sum();
        KeycloakTestResource.stopShared();
        Instant stopped = Instant.now();
        print("keycloak down at %s for %d s", stopped, KEYCLOAK_OUTAGE.toSeconds());
        if (PageVisitor.available()) {
            try (PageVisitor newcomer = new PageVisitor(browserUrl(server))) {
                try {
                    newcomer.signIn("frank");
                    print("keycloak down: a new sign-in succeeded?! %s", newcomer.describe());
                } catch (RuntimeException e) {
                    print("keycloak down: a new sign-in saw: %s", newcomer.describe());
                    newcomer.screenshot("load-keycloak-down-sign-in");
                }
            }
        }
        sleepUntil(stopped.plus(KEYCLOAK_OUTAGE));
        long t = System.nanoTime();
        KeycloakTestResource.startAgain();
        print("keycloak down: started again, ready after %.1f s; browser page loads while it was down: %d",
                (System.nanoTime() - t) / 1e9, browsers.stream().mapToInt(b -> b.loads).sum() - loadsBefore);
        sleep(AFTERMATH);
        meter.phase(null);
        if (PageVisitor.available()) {
            try (PageVisitor newcomer = new PageVisitor(browserUrl(server))) {
                try {
                    newcomer.signIn("frank");
                    newcomer.open("/jobs", "jobs-grid");
                    print("keycloak back: a new sign-in works (frank sees /jobs)");
                } catch (RuntimeException e) {
                    print("keycloak back: a new sign-in FAILED; the page shows: %s", newcomer.describe());
                    newcomer.screenshot("load-keycloak-back-sign-in");
                }
            }
        }
    }

    private void storeFull(long datasetId) throws Exception {
        meter.phase("store full");
        Instant filled = Instant.now();
        Path ballast = ArtifactVolume.fill(0);
        print("store full: artifact volume (tmpfs %s) filled, %d bytes left", ArtifactVolume.isTmpfs(),
                ArtifactVolume.usableBytes());
        long jobId = submit("alice", datasetId, PlayedWorkers.REAL_PREFIX + "store-full", 2, 0);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> List.of("SUCCEEDED",
                "FAILED", "CANCELLED").contains(as("alice").get("/api/jobs/{id}", jobId).then().extract().jsonPath()
                .getString("state")));
        var job = as("alice").get("/api/jobs/{id}", jobId).then().statusCode(200).extract().jsonPath();
        print("store full: real job %d ended %s, attempt %d, message: %s", jobId, job.getString("state"),
                job.getInt("attempt"), job.getString("message"));
        print("store full: model versions registered for it: %d; files written to the store since it filled: %s",
                count("select count(*) from model_version where job_id = ?", jobId), filesSince(filled, ballast));
        Files.delete(ballast);
        meter.phase(null);
    }

    private List<String> filesSince(Instant since, Path ballast) throws IOException {
        Path storeRoot = ArtifactVolume.root();
        try (Stream<Path> files = Files.walk(storeRoot)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.equals(ballast)).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isAfter(since);
                } catch (IOException e) {
                    return true;
                }
            }).map(f -> storeRoot.relativize(f) + " (" + f.toFile().length() + " bytes)").toList();
        }
    }

    private void reportWorkers(List<PlayedWorker> workers, Map<String, List<Long>> jobsByTeam) throws SQLException {
        long made = 0;
        long delivered = 0;
        long stored = 0;
        int running = 0;
        int firstAttempt = 0;
        for (PlayedWorker worker : workers) {
            long points = count("select count(*) from job_metric_point where job_id = ?", worker.jobId());
            made += worker.pointsMade();
            delivered += worker.pointsDelivered();
            stored += points;
            String owner = jobsByTeam.get("team-b").contains(worker.jobId()) ? TEAM_B_OWNER : "alice";
            var job = as(owner).get("/api/jobs/{id}", worker.jobId()).then().extract().jsonPath();
            running += "RUNNING".equals(job.getString("state")) ? 1 : 0;
            firstAttempt += job.getInt("attempt") == 1 ? 1 : 0;
            if (points != worker.pointsMade() || worker.over() != null || !worker.troubles().isEmpty()) {
                print("  job %d: made %d points, delivered %d, stored %d; state %s (%s); attempt over: %s;"
                                + " undelivered ticks: %s", worker.jobId(), worker.pointsMade(),
                        worker.pointsDelivered(), points, job.getString("state"), job.getString("message"),
                        worker.over(), worker.troubles());
            }
        }
        print("metric points: %d made, %d delivered, %d stored, %d lost (target 0); jobs still RUNNING at the end:"
                        + " %d of %d, on their first attempt: %d; workers the server asked to stop: %s", made, delivered,
                stored, made - stored, running, workers.size(), firstAttempt, executor.stopped());
    }

    private long count(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long dataset(String owner) {
        return as(owner).multiPart("name", "load-blobs-" + owner).multiPart("labelColumn", "species")
                .multiPart("file", "load.csv", CsvFixtures.blobs(300, 13).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long submit(String owner, long datasetId, String modelName, int epochs, int gpus) {
        return as(owner).contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName", modelName,
                        "datasetVersionId", datasetId, "architecture", Map.of("type", "MLP", "hiddenWidths", List.of(8)),
                        "strategy", Map.of("epochs", epochs), "resources", Map.of("gpus", gpus),
                        "maxRuntimeMinutes", 120, "maxRetries", 0))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Keycloak redirects back only to the host name its client was registered with. */
    private static String browserUrl(String server) {
        return server.replace("127.0.0.1", "localhost");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void sleepUntil(Instant when) {
        Duration left = Duration.between(Instant.now(), when);
        if (!left.isNegative()) {
            sleep(left);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("LOAD " + line);
        report.add(line);
    }

    /** One person in Chromium, going round the pages by in-app navigation until the end of the run. */
    private final class BrowserSession implements AutoCloseable {
        private final String person;
        private final PageVisitor visitor;
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile int loads;

        BrowserSession(String baseUrl, String person) throws IOException {
            this.person = person;
            this.visitor = new PageVisitor(baseUrl);
            visitor.signIn(person);
        }

        void browse(Instant end) {
            while (!stop.get() && Instant.now().isBefore(end)) {
                for (Map.Entry<String, String> page : PAGES.entrySet()) {
                    long t = System.nanoTime();
                    try {
                        visitor.visit(page.getKey(), page.getValue());
                        meter.time("browser " + page.getKey(), System.nanoTime() - t);
                        loads++;
                    } catch (RuntimeException e) {
                        String what = meter.phaseName() + " " + page.getKey() + ": " + visitor.describe();
                        failures.add(what);
                        meter.error("browser " + what.replaceAll("\\d+", "N"));
                    }
                    sleep(Duration.ofSeconds(3));
                }
            }
        }

        @Override
        public void close() {
            visitor.close();
        }
    }
}
