package dev.temper.dataset.derive;

import static dev.temper.dataset.derive.DerivationFixtures.customers;
import static dev.temper.dataset.derive.DerivationFixtures.derive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.derive.DerivationFixtures.Derived;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingAndDuplicateTest {

    @Test
    void dropDuplicatesKeepsTheFirstCopyAndRemovesTheCrossSplitLeak() throws IOException {
        Derived result = derive(customers(), new DropDuplicatesDerivation());

        assertThat(result.ids()).containsExactly("c0", "c1", "c2", "c3", "c4", "c6", "c7", "c8", "c10", "c11");
        assertThat(result.header()).isEqualTo(DerivationFixtures.header(customers()).withSampleCount(10));
        assertThat(result.summary().header()).isEqualTo(result.header());
        assertThat(result.summary().details()).containsEntry("dropped", 2).containsEntry("droppedAcrossSplits", 1)
                .containsEntry("droppedPerSplit", Map.of("train", 1, "validation", 0, "test", 1));
        assertThat(result.summary().description())
                .isEqualTo("Dropped 2 exact duplicates (1 train, 1 test), 1 of them copies of a sample in another split");
    }

    @Test
    void dropDuplicatesWithoutDuplicatesWritesTheSameFile() throws IOException {
        byte[] parent = derive(customers(), new DropDuplicatesDerivation()).file();

        Derived again = derive(parent, new DropDuplicatesDerivation());

        assertThat(again.file()).isEqualTo(parent);
        assertThat(again.summary().description()).isEqualTo("Found no exact duplicates; all samples were kept");
    }

    @Test
    void dropMissingRemovesEverySampleWithANaN() throws IOException {
        Derived result = derive(customers(), new DropMissingDerivation());

        assertThat(result.ids()).containsExactly("c0", "c2", "c4", "c5", "c7", "c9", "c10", "c11");
        assertThat(result.samples()).allSatisfy(sample -> assertThat(sample.values()).doesNotContain(Float.NaN));
        assertThat(result.header().sampleCount()).isEqualTo(8);
        assertThat(result.summary().description())
                .isEqualTo("Dropped 4 samples with missing values (2 train, 1 validation, 1 test)");
    }

    @Test
    void imputeMeanFillsWithTheTrainMeanOnly() throws IOException {
        Derived result = derive(customers(), new ImputeMissingDerivation(ImputeMissingDerivation.Method.MEAN));

        List<Sample> samples = result.samples();
        float ageMean = (34 + 45 + 23 + 52 + 34 + 31) / 6f;
        float incomeMean = (52000 + 31000 + 28000 + 61000 + 52000 + 44000) / 6f;
        float tenureMean = (5 + 10 + 1 + 2 + 20 + 5 + 4) / 7f;
        assertThat(samples.get(3).values()).containsExactly(ageMean, 28000, 2);
        assertThat(samples.get(1).values()).containsExactly(45, incomeMean, 10);
        assertThat(samples.get(8).values()).containsExactly(38, incomeMean, 8);
        assertThat(samples.get(6).values()).containsExactly(41, 47000, tenureMean);
        assertThat(samples.get(10).values()).containsExactly(60, 90000, 30);
        assertThat(result.ids()).hasSize(12);
        assertThat(result.summary().details()).containsEntry("filled", 4L)
                .containsEntry("filledPerFeature", Map.of("age", 1L, "income", 2L, "tenure", 1L))
                .containsEntry("fillValues", Map.of("age", ageMean, "income", incomeMean, "tenure", tenureMean));
        assertThat(result.summary().description())
                .isEqualTo("Filled 4 missing values in 3 features with the train split's mean");
    }

    @Test
    void imputeMedianTakesTheMiddleOfTheTrainValues() throws IOException {
        Derived result = derive(customers(), new ImputeMissingDerivation(ImputeMissingDerivation.Method.MEDIAN));

        List<Sample> samples = result.samples();
        assertThat(samples.get(3).values()[0]).isEqualTo(34f);
        assertThat(samples.get(1).values()[1]).isEqualTo(48000f);
        assertThat(samples.get(6).values()[2]).isEqualTo(5f);
    }

    @Test
    void imputingAFeatureWithoutTrainValuesIsRefused() {
        byte[] parent = DerivationFixtures.file(DerivationFixtures.tabularHeader(List.of("age", "bmi"), 2), List.of(
                new Sample(Split.TRAIN, 0, null, new float[] {30, Float.NaN}),
                new Sample(Split.TEST, 1, null, new float[] {40, 22.5f})));

        assertThatThrownBy(() -> derive(parent, new ImputeMissingDerivation(ImputeMissingDerivation.Method.MEDIAN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Feature 'bmi' has no value in the train split to take a median from; drop the samples"
                        + " with missing values instead");
    }

    @Test
    void missingValueOperationsRefuseImages() {
        byte[] images = DerivationFixtures.greyImages(3, 4, 0.5f, 1);

        assertThatThrownBy(() -> derive(images, new DropMissingDerivation()))
                .hasMessage("Dropping samples with missing values applies to tabular datasets only; image datasets"
                        + " have no missing values");
        assertThatThrownBy(() -> derive(images, new ImputeMissingDerivation(ImputeMissingDerivation.Method.MEAN)))
                .hasMessage("Filling in missing values applies to tabular datasets only; image datasets have no"
                        + " missing values");
    }

    @Test
    void theTargetStreamIsFlushedButLeftOpenForTheCaller() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        Deriver.derive(DerivationFixtures.source(customers()), new DropMissingDerivation(), out);

        assertThat(closed[0]).isFalse();
        assertThat(DerivationFixtures.samples(out.toByteArray())).hasSize(8);
    }
}
