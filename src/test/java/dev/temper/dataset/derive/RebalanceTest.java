package dev.temper.dataset.derive;

import static dev.temper.dataset.derive.DerivationFixtures.customers;
import static dev.temper.dataset.derive.DerivationFixtures.derive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.derive.DerivationFixtures.Derived;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The customers' train split has 5 "stays" (c0, c1, c4, c5, c11) and 2 "churns" (c2, c3). */
class RebalanceTest {

    @Test
    void oversamplingRepeatsTheChurnersUntilTheTrainClassesAreEven() throws IOException {
        Derived result = derive(customers(), new RebalanceDerivation(RebalanceDerivation.Mode.OVERSAMPLE, 7));

        List<Sample> train = split(result, Split.TRAIN);
        assertThat(countPerLabel(train)).containsEntry(0, 5L).containsEntry(1, 5L);
        Map<String, Long> churnerCopies = train.stream().filter(s -> s.label() == 1)
                .collect(Collectors.groupingBy(Sample::id, Collectors.counting()));
        assertThat(churnerCopies.keySet()).containsExactlyInAnyOrder("c2", "c3");
        assertThat(churnerCopies.values()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(result.header().sampleCount()).isEqualTo(15);
        assertThat(result.summary().details()).containsEntry("added", 3)
                .containsEntry("trainPerClassAfter", Map.of("stays", 5, "churns", 5));
        assertThat(result.summary().description()).isEqualTo("Oversampled the train split to 5 samples per class"
                + " by adding 3 copies; validation and test are unchanged");
    }

    @Test
    void undersamplingKeepsAsManyOfEachClassAsTheSmallestHas() throws IOException {
        Derived result = derive(customers(), new RebalanceDerivation(RebalanceDerivation.Mode.UNDERSAMPLE, 7));

        List<Sample> train = split(result, Split.TRAIN);
        assertThat(countPerLabel(train)).containsEntry(0, 2L).containsEntry(1, 2L);
        assertThat(train).extracting(Sample::id).contains("c2", "c3").doesNotHaveDuplicates();
        assertThat(result.header().sampleCount()).isEqualTo(9);
        assertThat(result.summary().details()).containsEntry("dropped", 3);
    }

    @Test
    void validationAndTestAreCopiedUnchanged() throws IOException {
        List<Sample> parent = DerivationFixtures.samples(customers());
        for (RebalanceDerivation.Mode mode : RebalanceDerivation.Mode.values()) {
            Derived result = derive(customers(), new RebalanceDerivation(mode, 3));
            for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
                assertThat(split(result, split)).extracting(Sample::id)
                        .containsExactlyElementsOf(parent.stream().filter(s -> s.split() == split).map(Sample::id).toList());
            }
        }
    }

    @Test
    void theSeedDecidesWhichSamplesAreKeptOrRepeated() throws IOException {
        RebalanceDerivation undersample = new RebalanceDerivation(RebalanceDerivation.Mode.UNDERSAMPLE, 1);

        assertThat(derive(customers(), undersample).file()).isEqualTo(derive(customers(), undersample).file());
        RebalanceDerivation otherSeed = new RebalanceDerivation(RebalanceDerivation.Mode.UNDERSAMPLE, 2);
        assertThat(split(derive(customers(), undersample), Split.TRAIN))
                .extracting(Sample::id).isNotEqualTo(split(derive(customers(), otherSeed),
                        Split.TRAIN).stream().map(Sample::id).toList());
    }

    @Test
    void anEmptyTrainSplitCannotBeRebalanced() {
        byte[] onlyTest = DerivationFixtures.file(DerivationFixtures.tabularHeader(List.of("x"), 1),
                List.of(new Sample(Split.TEST, 0, null, new float[] {1})));

        assertThatThrownBy(() -> derive(onlyTest, new RebalanceDerivation(RebalanceDerivation.Mode.OVERSAMPLE, 1)))
                .hasMessage("The train split is empty, so there is nothing to rebalance");
    }

    private static List<Sample> split(Derived result, Split split) throws IOException {
        return result.samples().stream().filter(s -> s.split() == split).toList();
    }

    private static Map<Integer, Long> countPerLabel(List<Sample> samples) {
        return samples.stream().collect(Collectors.groupingBy(Sample::label, Collectors.counting()));
    }
}
