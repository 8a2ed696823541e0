package dev.temper.evaluation.comparison;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.engine.evaluation.compare.McNemar;
import dev.temper.evaluation.EvaluationRepository;
import dev.temper.evaluation.PerExampleFiles;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.security.CurrentUser;
import dev.temper.storage.StorageConfig;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.testsupport.RecordedEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/comparisons?left=&right=: two evaluations of the caller's teams paired example by example, from
 * per-example files whose hashes hold; refused with the reason when they cannot be paired.
 */
@QuarkusTest
class ComparisonApiTest {

    private static long datasetId;
    private static int testCount;
    private static long otherDatasetId;
    private static int otherTestCount;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    EvaluationRepository evaluations;
    @Inject
    StorageConfig storage;
    @Inject
    ComparisonService comparisons;

    private HandMadeEvaluations made;
    private RecordedEvaluations recorded;

    @BeforeEach
    void twoDatasetsExist() {
        made = new HandMadeEvaluations(jobs, models, datasets);
        recorded = new RecordedEvaluations(made, evaluations);
        if (datasetId == 0) {
            JsonPath first = upload("compare-a", 200, 45);
            datasetId = first.getLong("id");
            testCount = first.getInt("testCount");
            JsonPath second = upload("compare-b", 120, 46);
            otherDatasetId = second.getLong("id");
            otherTestCount = second.getInt("testCount");
        }
    }

    @AfterEach
    void endJobs() {
        made.endAll();
    }

    @Test
    void twoEvaluationsArePairedExampleByExampleWithMcNemarsTest() {
        int n = testCount;
        // A: 3/4 right, the first quarter survive; B: all right but one, the first 90% survive.
        long a = recorded.record(datasetId, RecordedEvaluations.report(n, n, n * 3 / 4, n / 4), 3);
        long b = recorded.record(datasetId, RecordedEvaluations.report(n, n, n - 1, n * 9 / 10), 3);

        JsonPath c = as("alice").get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(200).extract()
                .jsonPath();

        assertThat(c.getLong("left.evaluationId")).isEqualTo(a);
        assertThat(c.getLong("right.evaluationId")).isEqualTo(b);
        assertThat(c.getLong("datasetVersionId")).isEqualTo(datasetId);
        assertThat(c.getInt("examples")).isEqualTo(n);
        assertThat(c.getList("outcomes.outcome", String.class)).containsExactly("clean", "robust");
        // Clean: the first 3n/4 are right under both; the rest but the last only under B.
        assertThat(c.getInt("outcomes[0].both")).isEqualTo(n * 3 / 4);
        assertThat(c.getInt("outcomes[0].onlyLeft")).isZero();
        assertThat(c.getInt("outcomes[0].onlyRight")).isEqualTo(n - 1 - n * 3 / 4);
        assertThat(c.getInt("outcomes[0].neither")).isEqualTo(1);
        int onlyB = n * 9 / 10 - n / 4;
        assertThat(c.getDouble("outcomes[1].epsilon")).isCloseTo(0.1, within(1e-6));
        assertThat(c.getInt("outcomes[1].both")).isEqualTo(n / 4);
        assertThat(c.getInt("outcomes[1].onlyRight")).isEqualTo(onlyB);
        assertThat(c.getDouble("outcomes[1].pValue")).isCloseTo(McNemar.exactPValue(0, onlyB), withinPercentage(0.001));
        assertThat(c.getBoolean("outcomes[1].significant")).isTrue();
        String right = c.getString("right.name");
        assertThat(c.getString("outcomes[1].verdict")).isEqualTo(right + " is more robust at epsilon 0.1: " + onlyB
                + " examples survive only under " + right + ", 0 only under " + c.getString("left.name")
                + ", p < 0.001.");

        // A viewer of the team reads it; another team's member, or an unsigned caller, does not.
        as("dana").get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(200);
        as("bob").get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(404)
                .contentType("application/problem+json");
        as("bob").get("/api/comparisons?left={a}&right={b}", b, a).then().statusCode(404);
        given().get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(401);
    }

    @Test
    void evaluationsThatDoNotPairAreRefusedWithTheReason() {
        long here = recorded.record(datasetId, RecordedEvaluations.report(testCount, testCount, 10, 5), 3);
        long elsewhere = recorded.record(otherDatasetId,
                RecordedEvaluations.report(otherTestCount, otherTestCount, 10, 5), 3);
        long fewer = recorded.record(datasetId, RecordedEvaluations.report(testCount - 2, testCount, 10, 5), 3);

        refused(here, elsewhere, "a paired comparison needs both on one dataset version's test split");
        refused(here, fewer, "of which " + (testCount - 2) + " are the same");
        refused(here, here, "Pick two different evaluations");
        as("alice").get("/api/comparisons?left={a}", here).then().statusCode(400)
                .body("detail", containsString("right: give the evaluation's id"));
        as("alice").get("/api/comparisons?left=twelve&right={b}", here).then().statusCode(400)
                .body("detail", containsString("'twelve' is not an evaluation id"));
        as("alice").get("/api/comparisons?left={a}&right={b}", here, Long.MAX_VALUE).then().statusCode(404);
    }

    /** A per-example file changed after it was recorded is refused, never compared: flipping one outcome bit. */
    @Test
    void aTamperedPerExampleFileIsRefused() throws Exception {
        long a = recorded.record(datasetId, RecordedEvaluations.report(testCount, testCount, 20, 10), 3);
        long b = recorded.record(datasetId, RecordedEvaluations.report(testCount, testCount, 30, 20), 3);
        Path file = storage.root().resolve(recorded.perExampleKey(b));
        byte[] original = Files.readAllBytes(file);
        byte[] tampered = original.clone();
        // The last byte belongs to a bitset: the file still decodes, only its hash gives it away.
        tampered[tampered.length - 1] ^= 0x01;
        Files.write(file, tampered);
        try {
            as("alice").get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(500)
                    .contentType("application/problem+json")
                    .body("title", equalTo(PerExampleFiles.ALTERED))
                    .body("detail", containsString("The per-example outcomes of evaluation " + b
                            + " are not the ones recorded"))
                    .body("detail", containsString("Nothing was computed from them"));
            as("alice").get("/api/evaluations/{id}/per-example/positions", b).then().statusCode(500)
                    .body("title", equalTo(PerExampleFiles.ALTERED));
            Files.delete(file);
            as("alice").get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(500)
                    .body("detail", containsString("missing from the artifact store"));
        } finally {
            Files.write(file, original);
        }
        as("alice").get("/api/comparisons?left={a}&right={b}", a, b).then().statusCode(200);
    }

    /** The page's pickers: a page of the team's comparable evaluations, filtered in the database, none of another team's. */
    @Test
    void thePickersOfferOnlyTheTeamsEvaluationsOnTheChosenVersion() {
        long here = recorded.record(datasetId, RecordedEvaluations.report(testCount, testCount, 10, 5), 3);
        long elsewhere = recorded.record(otherDatasetId,
                RecordedEvaluations.report(otherTestCount, otherTestCount, 10, 5), 3);
        CurrentUser alice = new CurrentUser("alice", Set.of("ml-engineer"), new TreeSet<>(Set.of("team-a")));
        CurrentUser bob = new CurrentUser("bob", Set.of("ml-engineer"), new TreeSet<>(Set.of("team-b")));

        List<Long> onVersion = comparisons.choices(alice, datasetId, "", 0, 50).stream().map(EvaluationChoice::id)
                .toList();
        assertThat(onVersion).contains(here).doesNotContain(elsewhere);
        assertThat(onVersion).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        EvaluationChoice choice = comparisons.choice(alice, here);
        assertThat(comparisons.choices(alice, null, choice.label().toUpperCase(), 0, 50))
                .containsExactly(choice);
        assertThat(comparisons.choices(alice, null, "compare-b v1", 0, 50)).extracting(EvaluationChoice::id)
                .contains(elsewhere).doesNotContain(here);
        // A user's % matches a percent sign, not any text.
        assertThat(comparisons.choices(alice, null, "%", 0, 50)).isEmpty();
        assertThat(comparisons.choices(alice, null, "", 0, 1)).hasSize(1);
        assertThat(comparisons.choices(bob, null, "", 0, 50)).extracting(EvaluationChoice::id)
                .doesNotContain(here, elsewhere);
    }

    private static void refused(long left, long right, String because) {
        as("alice").get("/api/comparisons?left={a}&right={b}", left, right).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(because));
    }

    private static JsonPath upload(String name, int rows, long seed) {
        return as("alice").multiPart("name", name).multiPart("labelColumn", "species")
                .multiPart("file", name + ".csv", CsvFixtures.blobs(rows, seed).getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath();
    }
}
