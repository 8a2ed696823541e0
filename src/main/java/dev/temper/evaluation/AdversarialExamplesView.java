package dev.temper.evaluation;

import dev.temper.engine.evaluation.AdversarialStrip;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * An evaluation's strip as the API and the result page show it: per example the clean and the adversarial image
 * as PNG (base64, at the dataset's own resolution), the true label and both predictions by name, and how far the
 * attack moved the image.
 *
 * @param norm    LINF or L2
 * @param epsilon the threat model's largest radius, at which the examples were attacked
 * @param unit    what epsilon is measured in (PIXELS for images)
 */
public record AdversarialExamplesView(long evaluationId, String model, String norm, double epsilon, String unit,
        int height, int width, int channels, List<Example> examples) {

    /**
     * @param attack   the attack that fooled the example, or the suite's last attack when it held
     * @param distance the adversarial image's distance from the clean one under the norm
     */
    public record Example(int position, String attack, int label, String labelName, int cleanPrediction,
            String cleanPredictionName, int adversarialPrediction, String adversarialPredictionName, boolean fooled,
            double distance, String cleanPng, String adversarialPng) {

        static Example of(AdversarialStrip.Example e, AdversarialStrip strip, List<String> classes) {
            return new Example(e.position(), e.attack(), e.label(), name(classes, e.label()), e.cleanPrediction(),
                    name(classes, e.cleanPrediction()), e.adversarialPrediction(),
                    name(classes, e.adversarialPrediction()), e.fooled(), e.distance(strip.norm()),
                    png(e.clean(), strip), png(e.adversarial(), strip));
        }

        private static String name(List<String> classes, int index) {
            return index >= 0 && index < classes.size() ? classes.get(index) : String.valueOf(index);
        }

        /** Grey for one channel, RGB from the first three otherwise (HWC order, intensities in [0, 1]). */
        private static String png(float[] pixels, AdversarialStrip strip) {
            int channels = strip.channels();
            boolean colour = channels >= 3;
            BufferedImage image = new BufferedImage(strip.width(), strip.height(),
                    colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < strip.height(); y++) {
                for (int x = 0; x < strip.width(); x++) {
                    int at = (y * strip.width() + x) * channels;
                    if (colour) {
                        image.setRGB(x, y, byteOf(pixels[at]) << 16 | byteOf(pixels[at + 1]) << 8 | byteOf(pixels[at + 2]));
                    } else {
                        image.getRaster().setSample(x, y, 0, byteOf(pixels[at]));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        }

        private static int byteOf(float intensity) {
            return Math.round(Math.max(0f, Math.min(1f, intensity)) * 255f);
        }
    }
}
