package dev.temper.dataset.derive;

import static dev.temper.dataset.derive.DerivationFixtures.customers;
import static dev.temper.dataset.derive.DerivationFixtures.derive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.contract.Sample;
import dev.temper.dataset.derive.DerivationFixtures.Derived;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExcludeAndRelabelTest {

    @Test
    void excludeDropsExactlyTheNamedSamples() throws IOException {
        Derived result = derive(customers(), new ExcludeSamplesDerivation(List.of(10, 3, 3)));

        assertThat(result.ids()).containsExactly("c0", "c1", "c2", "c4", "c5", "c6", "c7", "c8", "c9", "c11");
        assertThat(result.header().sampleCount()).isEqualTo(10);
        assertThat(result.summary().details()).containsEntry("excluded", 2)
                .containsEntry("excludedPerClass", Map.of("churns", 1, "stays", 1));
        assertThat(result.summary().description()).isEqualTo("Excluded 2 samples (1 train, 1 test)");
    }

    @Test
    void excludingEveryChurnerKeepsTheEmptyClass() throws IOException {
        Derived result = derive(customers(), new ExcludeSamplesDerivation(List.of(2, 3, 7, 9)));

        assertThat(result.header().classNames()).containsExactly("stays", "churns");
        assertThat(result.samples()).extracting(Sample::label).containsOnly(0);
    }

    @Test
    void anIndexPastTheEndIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> derive(customers(), new ExcludeSamplesDerivation(List.of(4, 12))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sample index 12 does not exist; the dataset has 12 samples (indices 0 to 11)");
    }

    @Test
    void relabelGivesTheNamedSamplesTheirNewClass() throws IOException {
        Derived result = derive(customers(), new RelabelDerivation(Map.of(2, "stays", 4, "churns", 0, "stays")));

        List<Sample> samples = result.samples();
        assertThat(samples).extracting(Sample::label).containsExactly(0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
        assertThat(samples.get(2).values()).containsExactly(23, 31000, 1);
        assertThat(result.header()).isEqualTo(DerivationFixtures.header(customers()));
        assertThat(result.summary().details()).containsEntry("relabelled", 2).containsEntry("alreadyLabelled", 1)
                .containsEntry("changes", Map.of("churns -> stays", 1, "stays -> churns", 1));
        assertThat(result.summary().description())
                .isEqualTo("Relabelled 2 samples; 1 already had the class asked for");
    }

    @Test
    void relabelRefusesUnknownClassesAndIndices() {
        assertThatThrownBy(() -> derive(customers(), new RelabelDerivation(Map.of(1, "leaves"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Class 'leaves' for sample 1 is not one of this dataset's classes: stays, churns");
        assertThatThrownBy(() -> derive(customers(), new RelabelDerivation(Map.of(99, "stays"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sample index 99 does not exist; the dataset has 12 samples (indices 0 to 11)");
    }
}
