package dev.temper.ops;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.Jobs;
import dev.temper.testsupport.KeycloakTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Prometheus metrics at {@code /q/metrics}: for the scraper's Keycloak client and admins only, and they count what
 * happened (a dataset registered, a job that ran, its metric points, its GPU-free run) rather than merely existing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusMetricsApiTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void onlyTheScraperAndAdminsReadMetrics() throws Exception {
        given().get("/q/metrics").then().statusCode(401);
        as("alice").get("/q/metrics").then().statusCode(403);
        as("dana").get("/q/metrics").then().statusCode(403);
        as("erin").get("/q/metrics").then().statusCode(200);
        given().auth().oauth2(scraperToken()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    @Order(1)
    void aJobsLifeShowsInTheFigures() throws Exception {
        String team = "team-b";
        double pointsBefore = value(scrape(), "temper_metric_points_ingested_total", "");
        double registeredBefore = value(scrape(), "temper_datasets_registered_total", "team=\"" + team + "\"");

        long datasetId = as("bob").multiPart("name", "metrics-blobs").multiPart("labelColumn", "species")
                .multiPart("file", "m.csv", CsvFixtures.blobs(60, 77).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        long jobId = as("bob").contentType(ContentType.JSON).body(Map.of("kind", "PRETRAIN", "modelName",
                        "metrics-model", "datasetVersionId", datasetId, "strategy", Jobs.strategy(2, 0.01, 0, false, 0.0)))
                .post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        Jobs.awaitFinished("bob", jobId);

        String after = scrape();
        assertThat(value(after, "temper_datasets_registered_total", "team=\"" + team + "\""))
                .isEqualTo(registeredBefore + 1);
        assertThat(value(after, "temper_metric_points_ingested_total", "")).isGreaterThan(pointsBefore);
        assertThat(value(after, "temper_jobs_queue_wait_seconds_count", "team=\"" + team + "\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "temper_jobs_duration_seconds_count", "outcome=\"succeeded\"")).isGreaterThanOrEqualTo(1);
        assertThat(after).contains("http_server_requests_seconds_count");
        // Jobs by state are counted from the database on a schedule.
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() ->
                value(scrape(), "temper_jobs", "state=\"succeeded\",team=\"" + team + "\"") >= 1);
    }

    /**
     * Every series the Grafana dashboard in k8s/monitoring queries is one the server exposes (after the job above
     * has made the meters that only exist once something happened; serving, GPU and lost-worker meters need a served
     * model, a GPU job or a silent worker, which this class has none of).
     */
    @Test
    @Order(2)
    void theDashboardQueriesOnlySeriesTheServerExposes() throws Exception {
        as("alice").get("/api/jobs").then().statusCode(200);
        String exposition = scrape();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("k8s/monitoring/temper-dashboard.json").toFile());
        Set<String> queried = new TreeSet<>();
        Pattern series = Pattern.compile("\\b(temper_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher name = series.matcher(target.path("expr").asText());
                while (name.find()) {
                    queried.add(name.group(1));
                }
            }
        }
        assertThat(queried).hasSizeGreaterThan(10);
        Set<String> exposed = new TreeSet<>();
        Matcher sample = Pattern.compile("(?m)^([a-z_]+)[{ ]").matcher(exposition);
        while (sample.find()) {
            exposed.add(sample.group(1));
        }
        Matcher declared = Pattern.compile("(?m)^# TYPE ([a-z_]+) (\\w+)").matcher(exposition);
        while (declared.find()) {
            String name = declared.group(1);
            exposed.add(name);
            if (declared.group(2).equals("histogram")) {
                exposed.addAll(Set.of(name + "_bucket", name + "_sum", name + "_count"));
            }
        }
        assertThat(exposed).as("series the dashboard queries").containsAll(queried.stream()
                .filter(name -> !name.startsWith("temper_serving") && !name.startsWith("temper_gpu")
                        && !name.startsWith("temper_workers_lost")).toList());
    }

    private static String scrape() throws Exception {
        return given().auth().oauth2(scraperToken()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of a metric whose labels contain {@code labels} (all of them for ""). */
    private static double value(String exposition, String metric, String labels) {
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$").matcher(exposition);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (labels.isEmpty() || found.contains(labels)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** What Prometheus does: the client credentials grant of the temper-metrics client. */
    private static String scraperToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KeycloakTestResource.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=temper-metrics&client_secret=temper-metrics-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        assertThat(token.find()).as("a token for temper-metrics: " + response.body()).isTrue();
        return token.group(1);
    }
}
