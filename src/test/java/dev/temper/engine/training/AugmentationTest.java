package dev.temper.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.engine.BlobsFixture;
import dev.temper.engine.ImagesFixture;
import dev.temper.engine.model.CnnLayout;
import dev.temper.engine.model.MlpLayout;
import dev.temper.engine.strategy.AugmentationSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private final CnnLayout rgb = new CnnLayout(8, 8, 3, List.of(4), List.of(), 3);

    @Test
    void imageAugmentationKeepsShapeAndPixelRangeAndLeavesTheInputAlone() {
        float[][] images = ImagesFixture.images(20, 3, 3, 1).features();
        float[][] copy = deepCopy(images);
        BatchAugmenter augmenter = new BatchAugmenter(AugmentationSpec.images(2, true, 15, 0.1, 3), rgb);

        float[][] augmented = augmenter.apply(images, new Random(5));

        assertThat(images).isDeepEqualTo(copy);
        assertThat(augmented).hasDimensions(20, 8 * 8 * 3);
        for (float[] row : augmented) {
            for (float pixel : row) {
                assertThat(pixel).isBetween(0f, 1f);
            }
        }
        assertThat(Arrays.deepEquals(augmented, images)).isFalse();
        assertThat(augmenter.apply(images, new Random(5))).isDeepEqualTo(augmented);
    }

    @Test
    void horizontalFlipAloneMirrorsOrLeavesEachImage() {
        float[][] images = ImagesFixture.images(10, 3, 1, 2).features();
        CnnLayout grey = new CnnLayout(8, 8, 1, List.of(4), List.of(), 3);

        float[][] flipped = new BatchAugmenter(AugmentationSpec.images(0, true, 0, 0, 0), grey)
                .apply(images, new Random(1));

        for (int i = 0; i < images.length; i++) {
            float[] mirror = new float[64];
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    mirror[y * 8 + x] = images[i][y * 8 + 7 - x];
                }
            }
            boolean unchanged = Arrays.equals(flipped[i], images[i]);
            boolean mirrored = Arrays.equals(flipped[i], mirror);
            assertThat(unchanged || mirrored).as("image %d is itself or its mirror", i).isTrue();
        }
    }

    @Test
    void tabularNoiseAndFeatureDropoutKeepTheShape() {
        float[][] rows = BlobsFixture.train().features();
        BatchAugmenter augmenter = new BatchAugmenter(AugmentationSpec.tabular(0.5, 0.25),
                new MlpLayout(4, List.of(8), 3));

        float[][] augmented = augmenter.apply(rows, new Random(3));

        assertThat(augmented).hasDimensions(rows.length, 4);
        long dropped = Arrays.stream(augmented).flatMapToDouble(r -> {
            double[] d = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                d[j] = r[j];
            }
            return Arrays.stream(d);
        }).filter(v -> v == 0.0).count();
        assertThat(dropped / (double) (rows.length * 4)).isBetween(0.18, 0.32);
        assertThat(augmented[0]).isNotEqualTo(rows[0]);
    }

    @Test
    void noAugmentationReturnsTheRowsUnchanged() {
        float[][] rows = BlobsFixture.train().features();

        assertThat(new BatchAugmenter(AugmentationSpec.none(), rgb).apply(rows, new Random(1))).isSameAs(rows);
    }

    private static float[][] deepCopy(float[][] rows) {
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
