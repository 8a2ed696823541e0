package dev.temper.dataset.derive;

import static dev.temper.dataset.derive.DerivationFixtures.derive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.derive.DerivationFixtures.Derived;
import dev.temper.engine.evaluation.corruptions.CorruptionType;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageShiftTest {

    @Test
    void gaussianNoiseChangesPixelsByTheGivenSigmaAndKeepsSplitsAndLabels() throws IOException {
        byte[] parent = DerivationFixtures.greyImages(24, 8, 0.5f, 1);

        Derived result = derive(parent, ShiftDerivation.gaussianNoise(0.1, 11));

        List<Sample> before = DerivationFixtures.samples(parent);
        List<Sample> after = result.samples();
        double sum = 0;
        double sumOfSquares = 0;
        int n = 0;
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).split()).isEqualTo(before.get(i).split());
            assertThat(after.get(i).label()).isEqualTo(before.get(i).label());
            for (int p = 0; p < 64; p++) {
                double difference = after.get(i).values()[p] - before.get(i).values()[p];
                sum += difference;
                sumOfSquares += difference * difference;
                n++;
            }
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(Math.sqrt(sumOfSquares / n)).isCloseTo(0.1, within(0.006));
        assertThat(result.header()).isEqualTo(DerivationFixtures.header(parent));
        assertThat((double) result.summary().details().get("meanAbsoluteChange")).isCloseTo(0.1 * Math.sqrt(2 / Math.PI),
                within(0.005));
        assertThat(result.summary().description()).isEqualTo("Added Gaussian noise with sigma 0.1 to every pixel value, seed 11");
    }

    @Test
    void noiseOnWhiteImagesIsClippedAtOne() throws IOException {
        Derived result = derive(DerivationFixtures.greyImages(12, 8, 1f, 1), ShiftDerivation.gaussianNoise(0.1, 5));

        double sum = 0;
        int n = 0;
        for (Sample sample : result.samples()) {
            for (float value : sample.values()) {
                sum += value;
                n++;
            }
        }
        double mean = sum / n;
        // Half of the draws push above 1 and are clipped; the other half lowers the mean by sigma / sqrt(2 pi).
        assertThat(mean).isCloseTo(1 - 0.1 / Math.sqrt(2 * Math.PI), within(0.006));
    }

    @Test
    void theNoiseSeedReproducesTheFile() throws IOException {
        byte[] parent = DerivationFixtures.greyImages(6, 8, 0.5f, 1);

        byte[] first = derive(parent, ShiftDerivation.gaussianNoise(0.05, 1)).file();

        assertThat(derive(parent, ShiftDerivation.gaussianNoise(0.05, 1)).file()).isEqualTo(first);
        assertThat(derive(parent, ShiftDerivation.gaussianNoise(0.05, 2)).file()).isNotEqualTo(first);
    }

    @Test
    void rotatingByNinetyDegreesTurnsAKnownPatternCounterClockwise() throws IOException {
        float[] pattern = new float[4 * 4 * 2];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                pattern[(y * 4 + x) * 2] = (y * 4 + x + 1) * 10 / 255f;
                pattern[(y * 4 + x) * 2 + 1] = (y == 0 ? 255 : x * 20) / 255f;
            }
        }
        DatasetHeader header = DerivationFixtures.imageHeader(4, 4, 2, 1);
        byte[] parent = DerivationFixtures.file(header, List.of(new Sample(Split.TEST, 1, "l.png", pattern)));

        float[] rotated = derive(parent, ShiftDerivation.rotation(90)).samples().get(0).values();

        // Counter-clockwise: the right column becomes the top row, so out(y, x) = in(x, 3 - y).
        float[] expected = new float[pattern.length];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < 2; c++) {
                    expected[(y * 4 + x) * 2 + c] = pattern[(x * 4 + (3 - y)) * 2 + c];
                }
            }
        }
        assertThat(rotated).containsExactly(expected);
    }

    @Test
    void rotatingByFortyFiveDegreesBlackensTheCornersAndKeepsTheCentre() throws IOException {
        float[] white = new float[9 * 9];
        Arrays.fill(white, 1f);
        byte[] parent = DerivationFixtures.file(DerivationFixtures.imageHeader(9, 9, 1, 1),
                List.of(new Sample(Split.TRAIN, 0, null, white)));

        float[] rotated = derive(parent, ShiftDerivation.rotation(-45)).samples().get(0).values();

        assertThat(rotated[0]).isZero();
        assertThat(rotated[8]).isZero();
        assertThat(rotated[80]).isZero();
        assertThat(rotated[4 * 9 + 4]).isEqualTo(1f);
        assertThat(rotated[4]).as("top middle, still inside the turned square").isEqualTo(1f);
    }

    @Test
    void aNamedCorruptionIsTheEnginesCorruptionWithTheSameSeed() throws IOException {
        byte[] parent = DerivationFixtures.greyImages(5, 8, 0.4f, 3);
        List<Sample> before = DerivationFixtures.samples(parent);
        DatasetHeader header = DerivationFixtures.header(parent);

        List<Sample> blurred = derive(parent, ShiftDerivation.corruption("blur", 3, 9)).samples();
        List<Sample> impulse = derive(parent, ShiftDerivation.corruption("impulse-noise", 2, 9)).samples();

        Random random = new Random(9);
        ImageShape shape = new ImageShape(8, 8, 1);
        for (int i = 0; i < before.size(); i++) {
            float[] expectedBlur = CorruptionType.BLUR.apply(before.get(i).values(), shape, 3, new Random(0));
            assertThat(DatasetFile.encodeValues(header, blurred.get(i).values()))
                    .isEqualTo(DatasetFile.encodeValues(header, expectedBlur));
            float[] expectedImpulse = CorruptionType.IMPULSE_NOISE.apply(before.get(i).values(), shape, 2, random);
            assertThat(DatasetFile.encodeValues(header, impulse.get(i).values()))
                    .isEqualTo(DatasetFile.encodeValues(header, expectedImpulse));
        }
        int saltAndPepper = 0;
        for (Sample sample : impulse) {
            for (float value : sample.values()) {
                saltAndPepper += value == 0f || value == 1f ? 1 : 0;
            }
        }
        assertThat(saltAndPepper).as("impulses among the 320 grey pixels").isPositive();
    }

    @Test
    void tabularShiftsAreRefusedForImages() {
        byte[] images = DerivationFixtures.greyImages(3, 4, 0.5f, 1);

        assertThatThrownBy(() -> derive(images, ShiftDerivation.scale(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The shift 'scale' applies to tabular data, but this dataset holds images");
        assertThatThrownBy(() -> derive(images, ShiftDerivation.offset(1)))
                .hasMessage("The shift 'offset' applies to tabular data, but this dataset holds images");
    }
}
