package dev.temper.serving;

import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.format.PixelConversion;
import dev.temper.engine.model.ModelManifest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * One PNG turned into the input row of an image model, exactly as an uploaded image became a training row: pixels in
 * height-width-channel order, colour to grey (or grey to colour) as the model's channels ask, scaled to [0, 1]. The
 * size is read from the header and checked against the model before any pixel is decoded.
 */
final class PngInput {

    private PngInput() {
    }

    static float[][] toRows(byte[] png, ServedModel model) {
        ModelManifest manifest = model.predictor().manifest();
        List<Integer> shape = manifest.inputShape();
        if (!ModelManifest.CNN.equals(manifest.architecture()) || shape.size() != 3) {
            throw ProblemException.badRequest(model.label() + " takes rows of " + manifest.inputDim()
                    + " values, not images; send {\"rows\": [[...]]} as JSON");
        }
        int height = shape.get(0);
        int width = shape.get(1);
        int channels = shape.get(2);
        byte[] pixels = PixelConversion.toBytes(decode(png, width, height, model.label()), channels);
        float[] row = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            row[i] = (pixels[i] & 0xff) / 255f;
        }
        return new float[][] {row};
    }

    private static BufferedImage decode(byte[] png, int width, int height, String label) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.hasNext() ? readers.next() : null;
            if (reader == null || !"png".equals(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("the body is not a PNG image");
            }
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) != width || reader.getHeight(0) != height) {
                    throw ProblemException.badRequest("the image is " + reader.getWidth(0) + " pixels wide and "
                            + reader.getHeight(0) + " high; " + label + " takes images " + width + " wide and "
                            + height + " high");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // untrusted bytes: a broken PNG surfaces as all sorts of runtime exceptions inside the decoder
            throw ProblemException.badRequest("the body is not a readable PNG image");
        }
    }
}
