package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.BlobsFixture;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.storage.ArtifactStore;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.StoredModels;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The home page's "Served now": after a version is approved through the API and answers a few requests, alice sees
 * it with its request count and median latency and follows its link to the version's page; bob of team-b does not see
 * it. The section's screenshot goes to the docs.
 */
@QuarkusTest
class BrowserServedNowTest {

    @TestHTTPResource("/")
    URL root;
    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    ArtifactStore store;

    private HandMadeEvaluations made;

    @AfterEach
    void endJobs() {
        if (made != null) {
            made.endAll();
        }
    }

    @Test
    void aliceSeesTheApprovedVersionServedBobDoesNot() throws Exception {
        if (!Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"))) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        made = new HandMadeEvaluations(jobs, models, datasets);
        long datasetId = as("alice").multiPart("name", "served-now").multiPart("labelColumn", "species")
                .multiPart("file", "s.csv", CsvFixtures.blobs(60, 23).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        String name = "served-now-" + UUID.randomUUID().toString().substring(0, 6);
        long model = made.model(datasetId);
        StoredModels.store(store, models, model, name, 1, Trainer.pretrain(BlobsFixture.architecture(),
                TrainingRequest.of(BlobsFixture.train(), BlobsFixture.validation(), BlobsFixture.quick(5),
                        Files.createTempDirectory("served-now").resolve("model"))));
        long request = as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
        as("carol").contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/approvals/{id}/decision", request).then().statusCode(200);
        float[][] rows = Arrays.copyOf(BlobsFixture.test().features(), 4);
        for (int i = 0; i < 3; i++) {
            as("alice").contentType(ContentType.JSON).body(Map.of("rows", rows))
                    .post("/api/serving/team-a/{m}/predict", name).then().statusCode(200);
        }
        long answered = as("alice").get("/api/serving/team-a").then().statusCode(200).extract().jsonPath()
                .getLong("figures.requests");

        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.open("/");
            alice.until(() -> alice.count(By.id("served-team-a")) > 0);
            assertThat(alice.text("served-team-a")).contains("team-a: " + name + " v1")
                    .contains(answered + " requests answered").containsPattern("p50 \\d+\\.\\d\\d ms");
            DocScreenshots.take(alice, "home-served-now");
            alice.js("arguments[0].click()", alice.byId("served-team-a").findElement(By.tagName("a")));
            alice.until(() -> alice.currentPath().equals("/models/" + model));
        }
        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/");
            bob.until(() -> bob.count(By.id("served-now")) > 0);
            assertThat(bob.count(By.id("served-team-a"))).isZero();
            assertThat(bob.textOf(By.tagName("body"))).doesNotContain(name);
        }
    }
}
