package dev.temper.dataset.derive;

import static dev.temper.dataset.derive.DerivationFixtures.customers;
import static dev.temper.dataset.derive.DerivationFixtures.derive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.derive.DerivationFixtures.Derived;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TabularShiftTest {

    /** 600 weather readings: temperature (std about 5) and pressure (std about 1000 in the train rows). */
    private static byte[] readings() {
        Random random = new Random(17);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Split split = i % 5 == 0 ? Split.TEST : i % 5 == 1 ? Split.VALIDATION : Split.TRAIN;
            float temperature = (float) (15 + 5 * random.nextGaussian());
            float pressure = (float) (101_000 + 1000 * random.nextGaussian());
            samples.add(new Sample(split, temperature > 15 ? 1 : 0, "r" + i, new float[] {temperature, pressure}));
        }
        return DerivationFixtures.file(DerivationFixtures.tabularHeader(List.of("temperature", "pressure"), 600), samples);
    }

    @Test
    void noiseIsScaledByEachFeaturesTrainStandardDeviation() throws IOException {
        byte[] parent = readings();
        double[] stds = trainStds(parent);

        Derived result = derive(parent, ShiftDerivation.gaussianNoise(0.5, 4));

        List<Sample> before = DerivationFixtures.samples(parent);
        List<Sample> after = result.samples();
        for (int f = 0; f < 2; f++) {
            double sumOfSquares = 0;
            for (int i = 0; i < before.size(); i++) {
                double difference = after.get(i).values()[f] - before.get(i).values()[f];
                sumOfSquares += difference * difference;
            }
            assertThat(Math.sqrt(sumOfSquares / before.size()) / stds[f]).as("feature %d", f)
                    .isCloseTo(0.5, within(0.04));
        }
        @SuppressWarnings("unchecked")
        Map<String, Double> reported = (Map<String, Double>) result.summary().details().get("trainStdPerFeature");
        assertThat(reported.get("pressure")).isCloseTo(stds[1], within(1e-3));
        assertThat(result.summary().description())
                .isEqualTo("Added Gaussian noise of 0.5 train standard deviations to every feature, seed 4");
    }

    @Test
    void offsetMovesEveryValueByAmountTimesTheTrainStd() throws IOException {
        byte[] parent = readings();
        double[] stds = trainStds(parent);

        List<Sample> after = derive(parent, ShiftDerivation.offset(2)).samples();

        List<Sample> before = DerivationFixtures.samples(parent);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).values()[0]).isCloseTo((float) (before.get(i).values()[0] + 2 * stds[0]), within(1e-4f));
            assertThat(after.get(i).values()[1]).isCloseTo((float) (before.get(i).values()[1] + 2 * stds[1]), within(0.01f));
            assertThat(after.get(i).split()).isEqualTo(before.get(i).split());
        }
    }

    @Test
    void scaleMultipliesAndMissingValuesStayMissing() throws IOException {
        Derived result = derive(customers(), ShiftDerivation.scale(1.5));

        List<Sample> samples = result.samples();
        assertThat(samples.get(0).values()).containsExactly(51, 78000, 7.5f);
        assertThat(samples.get(1).values()).containsExactly(67.5f, Float.NaN, 15);
        assertThat(result.summary().description()).isEqualTo("Multiplied every feature by 1.5");
    }

    @Test
    void noiseLeavesMissingValuesMissingAndIsReproducible() throws IOException {
        byte[] first = derive(customers(), ShiftDerivation.gaussianNoise(1, 8)).file();

        assertThat(DerivationFixtures.samples(first).get(3).values()[0]).isNaN();
        assertThat(derive(customers(), ShiftDerivation.gaussianNoise(1, 8)).file()).isEqualTo(first);
        assertThat(derive(customers(), ShiftDerivation.gaussianNoise(1, 9)).file()).isNotEqualTo(first);
    }

    @Test
    void imageShiftsAreRefusedForTables() {
        assertThatThrownBy(() -> derive(customers(), ShiftDerivation.rotation(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The shift 'rotation' applies to images, but this dataset is tabular");
        assertThatThrownBy(() -> derive(customers(), ShiftDerivation.corruption("blur", 1, 0)))
                .hasMessage("The shift 'corruption' applies to images, but this dataset is tabular");
    }

    private static double[] trainStds(byte[] file) throws IOException {
        List<Sample> train = DerivationFixtures.samples(file).stream().filter(s -> s.split() == Split.TRAIN).toList();
        double[] stds = new double[2];
        for (int f = 0; f < 2; f++) {
            int feature = f;
            double mean = train.stream().mapToDouble(s -> s.values()[feature]).average().orElseThrow();
            stds[f] = Math.sqrt(train.stream().mapToDouble(s -> Math.pow(s.values()[feature] - mean, 2)).sum() / train.size());
        }
        return stds;
    }
}
