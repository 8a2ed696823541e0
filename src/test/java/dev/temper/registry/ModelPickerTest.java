package dev.temper.registry;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model pickers of the job form, the dataset page and the leaderboard read page by page in the database: a
 * page holds the asked-for number of rows, what the user types narrows them, the evaluation picker keeps exactly
 * the versions {@link ModelFitsDataset} lets be measured there, and another team's versions never appear.
 */
@QuarkusTest
class ModelPickerTest {

    private static final CurrentUser ALICE = new CurrentUser("alice", Set.of(Roles.ML_ENGINEER),
            new TreeSet<>(Set.of("team-a")));
    private static final CurrentUser BOB = new CurrentUser("bob", Set.of(Roles.ML_ENGINEER),
            new TreeSet<>(Set.of("team-b")));

    @Inject
    ModelRegistryService models;
    @Inject
    ModelVersionRepository modelVersions;
    @Inject
    DatasetVersionRepository datasetVersions;
    @Inject
    TrainingJobRepository jobs;
    @Inject
    AgroalDataSource dataSource;

    private String prefix;
    private DatasetVersion blobs;

    /**
     * Team-a: 7 models trained on blobs (4 features, 3 classes), 3 on a copy stored as 2x2 samples (as many values,
     * same classes: they fit), 2 on bars (64 pixels, other classes: they do not); team-b: 2 named like team-a's.
     */
    @BeforeEach
    void models() throws SQLException {
        prefix = "picker-" + UUID.randomUUID().toString().substring(0, 8);
        // Contents of their own: a team's upload of bytes it already holds reuses that version.
        long seed = prefix.hashCode();
        long blobsId = upload(prefix + "-blobs", CsvFixtures.blobs(60, seed), "species");
        long reshapedId = upload(prefix + "-reshaped", CsvFixtures.blobs(60, seed + 1), "species");
        long barsId = upload(prefix + "-bars", CsvFixtures.bars(60, seed + 2), "shape");
        HandMadeEvaluations made = new HandMadeEvaluations(jobs, modelVersions, datasetVersions);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement reshape = c.prepareStatement(
                    "update dataset_version set shape = '[2, 2]' where id = ?")) {
                reshape.setLong(1, reshapedId);
                reshape.executeUpdate();
            }
            copies(c, made.model(blobsId), prefix + "-blob-", 7, "team-a");
            copies(c, made.model(reshapedId), prefix + "-reshaped-", 3, "team-a");
            copies(c, made.model(barsId), prefix + "-bars-", 2, "team-a");
            copies(c, made.model(blobsId), prefix + "-blob-b", 2, "team-b");
        }
        blobs = QuarkusTransaction.requiringNew().call(() -> datasetVersions.findById(blobsId));
    }

    @Test
    void theBasePickerPagesAndNarrowsToWhatIsTyped() {
        List<String> first = names(models.pick(ALICE, prefix, 0, 5));
        List<String> second = names(models.pick(ALICE, prefix, 5, 5));
        List<String> all = names(models.pick(ALICE, prefix, 0, 50));

        assertThat(first).hasSize(5);
        assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
        assertThat(all).hasSize(12).startsWith(first.toArray(String[]::new));
        assertThat(names(models.pick(ALICE, prefix.toUpperCase() + "-BARS", 0, 50)))
                .containsExactly(prefix + "-bars-1", prefix + "-bars-2");
        // What the picker shows, typed back: the label with its version.
        assertThat(names(models.pick(ALICE, prefix + "-bars-2 V1", 0, 50))).containsExactly(prefix + "-bars-2");
    }

    @Test
    void anotherTeamsVersionsNeverAppear() {
        assertThat(names(models.pick(ALICE, prefix, 0, 50))).noneMatch(name -> name.startsWith(prefix + "-blob-b"));
        assertThat(names(models.pick(BOB, prefix, 0, 50)))
                .containsExactly(prefix + "-blob-b1", prefix + "-blob-b2");
        assertThat(models.pickForEvaluation(BOB, blobs, prefix, 0, 50)).isEmpty();
        assertThat(models.pickForEvaluation(BOB, blobs, null, 0, 50)).isEmpty();
    }

    @Test
    void theEvaluationPickerOffersExactlyTheTeamsModelsThatFit() {
        List<ModelVersion> fitting = models.pickForEvaluation(ALICE, blobs, prefix, 0, 50);

        assertThat(names(fitting)).hasSize(10).allMatch(name -> !name.contains("-bars-") && !name.contains("-blob-b"));
        List<ModelVersion> teamA = models.pick(ALICE, prefix, 0, 50);
        assertThat(fitting).extracting(m -> m.id).containsExactlyElementsOf(teamA.stream()
                .filter(m -> ModelFitsDataset.forEvaluation(m, blobs).allowed()).map(m -> m.id).toList());
        assertThat(models.pickForEvaluation(ALICE, blobs, prefix, 8, 4)).hasSize(2);
        assertThat(names(models.pickForEvaluation(ALICE, blobs, prefix + "-resh", 0, 50))).hasSize(3);
    }

    private static long upload(String name, String csv, String labelColumn) {
        return as("alice").multiPart("name", name).multiPart("labelColumn", labelColumn)
                .multiPart("file", name + ".csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** {@code count} versions named {@code name1..nameN} of the team, like the template in all else. */
    private static void copies(Connection c, long template, String name, int count, String team)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into model_version (team, name, version, sha256, artifact_key, manifest_json, base_version_id,
                    dataset_version_id, job_id, settings_json, created_by, created_at)
                select ?, ? || g, 1, m.sha256, m.artifact_key, m.manifest_json, null, m.dataset_version_id, m.job_id,
                       m.settings_json, m.created_by, now()
                  from model_version m, generate_series(1, ?) g
                 where m.id = ?""")) {
            insert.setString(1, team);
            insert.setString(2, name);
            insert.setInt(3, count);
            insert.setLong(4, template);
            insert.executeUpdate();
        }
    }

    private static List<String> names(List<ModelVersion> versions) {
        return versions.stream().map(m -> m.name).toList();
    }
}
