package dev.temper.engine.evaluation.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptionTypeTest {

    private static final ImageShape SHAPE = new ImageShape(32, 32, 3);

    @ParameterizedTest
    @EnumSource(CorruptionType.class)
    void keepsShapeAndRangeAndGrowsWithSeverity(CorruptionType type) {
        float[] image = testImage();
        double[] change = new double[CorruptionType.MAX_SEVERITY + 1];
        for (int severity = 0; severity <= CorruptionType.MAX_SEVERITY; severity++) {
            // Same seed at every severity, so only the strength differs (same noise draws, same direction).
            float[] corrupted = type.apply(image, SHAPE, severity, new Random(17));
            assertThat(corrupted).hasSize(SHAPE.size());
            for (float value : corrupted) {
                assertThat(value).isBetween(0f, 1f);
            }
            change[severity] = meanAbsoluteChange(image, corrupted);
        }
        System.out.println(type + " mean absolute change by severity: " + Arrays.toString(change));
        assertThat(change[0]).isZero();
        assertThat(change[1]).isPositive();
        for (int severity = 2; severity <= CorruptionType.MAX_SEVERITY; severity++) {
            assertThat(change[severity]).as("%s severity %d", type, severity).isGreaterThanOrEqualTo(change[severity - 1]);
        }
        assertThat(change[5]).isGreaterThan(change[1] * 1.5);
    }

    @Test
    void seededRowsAreReproducible() {
        float[][] images = {testImage(), testImage()};
        float[][] first = CorruptionType.SHOT_NOISE.applyAll(images, SHAPE, 3, 99);
        assertThat(CorruptionType.SHOT_NOISE.applyAll(images, SHAPE, 3, 99)).isDeepEqualTo(first);
        assertThat(first[0]).isNotEqualTo(first[1]);
    }

    @Test
    void rejectsWrongSizesAndSeverities() {
        assertThatThrownBy(() -> CorruptionType.BLUR.apply(new float[10], SHAPE, 1, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3072");
        assertThatThrownBy(() -> CorruptionType.BLUR.apply(testImage(), SHAPE, 6, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity");
    }

    @Test
    void corruptionErrorOfAModelAgainstItselfIsOne() {
        var errors = Map.of(CorruptionType.BLUR, List.of(0.1, 0.2, 0.3, 0.4, 0.5),
                CorruptionType.CONTRAST, List.of(0.0, 0.1, 0.1, 0.2, 0.6));
        assertThat(CorruptionError.mean(errors, errors)).isEqualTo(1.0);
        var halved = Map.of(CorruptionType.BLUR, List.of(0.05, 0.1, 0.15, 0.2, 0.25),
                CorruptionType.CONTRAST, List.of(0.0, 0.1, 0.1, 0.2, 0.6));
        assertThat(CorruptionError.mean(halved, errors)).isCloseTo(0.75, Assertions.within(1e-12));
    }

    /**
     * A ramp, slow waves (period longer than twice the largest shift, so a shift cannot land on the same
     * pattern) and a bright square: detail for blur and pixelation, structure for rotation and shifts.
     */
    static float[] testImage() {
        float[] image = new float[SHAPE.size()];
        for (int y = 0; y < SHAPE.height(); y++) {
            for (int x = 0; x < SHAPE.width(); x++) {
                for (int c = 0; c < SHAPE.channels(); c++) {
                    double value = 0.15 + 0.4 * x / SHAPE.width() * (0.5 + 0.5 * y / SHAPE.height())
                            + 0.15 * Math.sin(x * 0.35 + c) * Math.cos(y * 0.25);
                    if (x >= 10 && x < 18 && y >= 12 && y < 22) {
                        value = 0.95;
                    }
                    image[SHAPE.index(y, x, c)] = (float) value;
                }
            }
        }
        return image;
    }

    private static double meanAbsoluteChange(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
