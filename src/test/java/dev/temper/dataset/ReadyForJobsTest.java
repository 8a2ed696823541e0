package dev.temper.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.base.PolicyDecision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadyForJobsTest {

    private final DatasetVersion iris = DatasetVersionFixture.version("iris", 2, List.of("a", "b"), List.of(4));

    @Test
    void aCurrentCompleteVersionTakesJobs() {
        assertThat(ReadyForJobs.check(iris).allowed()).isTrue();
    }

    @Test
    void anArchivedVersionTakesNoNewJobs() {
        iris.archivedAt = Instant.now();

        PolicyDecision decision = ReadyForJobs.check(iris);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("iris v2 is archived; restore it or choose a current version");
    }

    @Test
    void missingValuesMustBeCleanedFirst() {
        iris.missingSamples = 3;

        PolicyDecision decision = ReadyForJobs.check(iris);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).startsWith("iris v2 has 3 samples with missing values")
                .contains("drop-missing or impute-missing");
    }
}
