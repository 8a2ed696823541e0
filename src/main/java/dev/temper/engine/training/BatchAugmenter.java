package dev.temper.engine.training;

import dev.temper.engine.model.CnnLayout;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.strategy.AugmentationSpec;
import java.util.Arrays;
import java.util.Random;

/**
 * Random, seeded changes to a training batch in plain Java; the input rows are never modified. Images
 * (flat HWC rows) are shifted, flipped, rotated, noised and cut out, then clipped back to [0, 1].
 */
final class BatchAugmenter {

    private final AugmentationSpec spec;
    private final CnnLayout image;

    /** image is null for tabular data. */
    BatchAugmenter(AugmentationSpec spec, NetworkLayout layout) {
        this.spec = spec;
        this.image = layout instanceof CnnLayout cnn ? cnn : null;
    }

    float[][] apply(float[][] rows, Random random) {
        if (!spec.enabled()) {
            return rows;
        }
        float[][] result = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = image == null ? tabular(rows[i], random) : image(rows[i], random);
        }
        return result;
    }

    private float[] tabular(float[] row, Random random) {
        float[] out = row.clone();
        for (int j = 0; j < out.length; j++) {
            if (spec.featureDropout() > 0 && random.nextDouble() < spec.featureDropout()) {
                out[j] = 0f; // the feature's mean in standardized units
            } else if (spec.gaussianNoise() > 0) {
                out[j] += (float) (random.nextGaussian() * spec.gaussianNoise());
            }
        }
        return out;
    }

    private float[] image(float[] row, Random random) {
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        int dx = spec.maxShift() == 0 ? 0 : random.nextInt(2 * spec.maxShift() + 1) - spec.maxShift();
        int dy = spec.maxShift() == 0 ? 0 : random.nextInt(2 * spec.maxShift() + 1) - spec.maxShift();
        boolean flip = spec.horizontalFlip() && random.nextBoolean();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * spec.maxRotationDegrees());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        float[] out = new float[row.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Inverse mapping: where in the source does this output pixel come from (nearest neighbour).
                double ux = (flip ? w - 1 - x : x) - dx - cx;
                double uy = y - dy - cy;
                int sx = (int) Math.round(cos * ux + sin * uy + cx);
                int sy = (int) Math.round(-sin * ux + cos * uy + cy);
                if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
                    System.arraycopy(row, (sy * w + sx) * c, out, (y * w + x) * c, c);
                }
            }
        }
        if (spec.gaussianNoise() > 0) {
            for (int p = 0; p < out.length; p++) {
                out[p] = Math.max(0f, Math.min(1f, out[p] + (float) (random.nextGaussian() * spec.gaussianNoise())));
            }
        }
        if (spec.cutoutSize() > 0) {
            int top = random.nextInt(h) - spec.cutoutSize() / 2;
            int left = random.nextInt(w) - spec.cutoutSize() / 2;
            for (int y = Math.max(0, top); y < Math.min(h, top + spec.cutoutSize()); y++) {
                for (int x = Math.max(0, left); x < Math.min(w, left + spec.cutoutSize()); x++) {
                    Arrays.fill(out, (y * w + x) * c, (y * w + x + 1) * c, 0f);
                }
            }
        }
        return out;
    }
}
