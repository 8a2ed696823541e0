package dev.temper.dataset;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dataset pickers of the job and benchmark forms read page by page in the database: the versions new jobs may
 * use (archived ones left out) of the user's teams only, narrowed to what the user types.
 */
@QuarkusTest
class DatasetPickerTest {

    private static final CurrentUser ALICE = new CurrentUser("alice", Set.of(Roles.ML_ENGINEER),
            new TreeSet<>(Set.of("team-a")));
    private static final CurrentUser BOB = new CurrentUser("bob", Set.of(Roles.ML_ENGINEER),
            new TreeSet<>(Set.of("team-b")));

    @Inject
    DatasetService datasets;

    @Test
    void thePickerPagesNarrowsAndLeavesOutArchivedAndOtherTeamsVersions() {
        String prefix = "pick-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 4; i++) {
            upload(prefix + "-" + i, prefix.hashCode() + i);
        }
        long archived = upload(prefix + "-old", prefix.hashCode());
        datasets.archive(ALICE, archived);

        List<String> first = labels(datasets.current(ALICE, prefix, 0, 3));
        List<String> rest = labels(datasets.current(ALICE, prefix, 3, 3));

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(labels(datasets.current(ALICE, prefix.toUpperCase() + "-2 V1", 0, 50)))
                .containsExactly(prefix + "-2 v1");
        assertThat(labels(datasets.current(ALICE, prefix + "-old", 0, 50))).isEmpty();
        assertThat(datasets.current(BOB, prefix, 0, 50)).isEmpty();
    }

    private static long upload(String name, long seed) {
        return as("alice").multiPart("name", name).multiPart("labelColumn", "species")
                .multiPart("file", name + ".csv", CsvFixtures.blobs(30, seed).getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static List<String> labels(List<DatasetVersion> versions) {
        return versions.stream().map(DatasetVersion::label).toList();
    }
}
