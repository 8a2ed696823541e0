package dev.temper.load;

import dev.temper.testsupport.KeycloakTestResource;
import dev.temper.testsupport.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * People reading the dashboard through the REST API with their own Keycloak tokens: each user picks one of the
 * calls that back a page (lists, a job's curves and logs, approvals; the audit for the admin), waits for it, thinks
 * for one to three seconds, and goes again. A call answering anything but 2xx, or failing, is an error of its kind.
 */
final class RestUsers {

    static final String CALL_PREFIX = "GET ";
    private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dana", "erin", "frank");

    private final String baseUrl;
    private final Map<String, List<Long>> jobsByTeam;
    private final Meter meter;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    RestUsers(String baseUrl, Map<String, List<Long>> jobsByTeam, Meter meter) {
        this.baseUrl = baseUrl;
        this.jobsByTeam = jobsByTeam;
        this.meter = meter;
    }

    /** Starts {@code count} users, the demo users in turn; they stop at {@code end} or when {@code stop} is set. */
    List<Thread> start(int count, Instant end, AtomicBoolean stop) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = PEOPLE.get(i % PEOPLE.size());
            Random random = new Random(i);
            Thread thread = new Thread(() -> {
                while (!stop.get() && Instant.now().isBefore(end)) {
                    call(person, pick(person, random));
                    pause(1_000 + random.nextInt(2_000));
                }
            }, "rest-user-" + i + "-" + person);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private String pick(String person, Random random) {
        List<Long> jobs = jobsByTeam.get(person.equals("bob") ? "team-b" : "team-a");
        long job = jobs.get(random.nextInt(jobs.size()));
        List<String> paths = new ArrayList<>(List.of("/api/jobs?size=50", "/api/datasets?size=50",
                "/api/models?size=50", "/api/leaderboards", "/api/approvals?size=50", "/api/quotas",
                "/api/jobs/" + job, "/api/jobs/" + job + "/metrics", "/api/jobs/" + job + "/series?name=step/loss",
                "/api/jobs/" + job + "/logs?lines=200"));
        if (person.equals("erin")) {
            paths.add("/api/audit?size=50");
        }
        return paths.get(random.nextInt(paths.size()));
    }

    /** The call's label: its path with ids and query values folded, so that every job's metrics count as one call. */
    static String label(String path) {
        return CALL_PREFIX + path.replaceAll("/\\d+", "/{id}").replaceAll("\\?.*", "");
    }

    private void call(String person, String path) {
        String label = label(path);
        String token;
        try {
            token = Tokens.accessToken(KeycloakTestResource.realmUrl(), person);
        } catch (RuntimeException e) {
            meter.error("token for a REST user: " + e.getMessage().replaceAll("\\s+", " ")
                    .replaceAll("(.{0,100}).*", "$1"));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        long t = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t;
            if (response.statusCode() / 100 == 2) {
                meter.time(label, elapsed);
            } else {
                meter.error(label + " answered " + response.statusCode() + ": "
                        + response.body().replaceAll("\\d+", "N").replaceAll("\\s+", " ").replaceAll("(.{0,160}).*", "$1"));
            }
        } catch (IOException e) {
            meter.error(label + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
