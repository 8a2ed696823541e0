package dev.temper.dataset.derive;

import static dev.temper.dataset.derive.DerivationFixtures.customers;
import static dev.temper.dataset.derive.DerivationFixtures.derive;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.derive.DerivationFixtures.Derived;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResplitTest {

    private static final SplitPlan HALF_QUARTER_QUARTER = new SplitPlan(0.5, 0.25, 0.25, 3);

    @Test
    void resplitWritesThePlanIntoTheHeaderAndKeepsSamplesAndLabels() throws IOException {
        Derived result = derive(customers(), new ResplitDerivation(HALF_QUARTER_QUARTER));

        assertThat(result.header()).isEqualTo(DerivationFixtures.header(customers()).withSplits(HALF_QUARTER_QUARTER));
        List<Sample> parent = DerivationFixtures.samples(customers());
        List<Sample> child = result.samples();
        for (int i = 0; i < parent.size(); i++) {
            assertThat(child.get(i).id()).isEqualTo(parent.get(i).id());
            assertThat(child.get(i).label()).isEqualTo(parent.get(i).label());
            assertThat(child.get(i).values()).containsExactly(parent.get(i).values());
        }
    }

    @Test
    void resplitMatchesTheAssignerAndKeepsDuplicatesTogether() throws IOException {
        Derived result = derive(customers(), new ResplitDerivation(HALF_QUARTER_QUARTER));

        List<Sample> child = result.samples();
        assertThat(child.get(5).split()).isEqualTo(child.get(0).split());
        assertThat(child.get(9).split()).isEqualTo(child.get(2).split());
        // The 8 "stays" are 7 distinct samples: 3.5 / 1.75 / 1.75 rounds to 4 / 2 / 1 groups.
        assertThat(child.stream().filter(s -> s.label() == 0).map(Sample::split).distinct().toList())
                .containsExactlyInAnyOrder(Split.values());
        assertThat(result.summary().description()).startsWith("Reassigned the splits 50/25/25 with seed 3: ");
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws IOException {
        byte[] first = derive(customers(), new ResplitDerivation(HALF_QUARTER_QUARTER)).file();

        assertThat(derive(customers(), new ResplitDerivation(HALF_QUARTER_QUARTER)).file()).isEqualTo(first);
        assertThat(derive(customers(), new ResplitDerivation(new SplitPlan(0.5, 0.25, 0.25, 4))).file())
                .isNotEqualTo(first);
    }
}
