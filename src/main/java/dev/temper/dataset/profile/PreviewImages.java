package dev.temper.dataset.profile;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/** Renders samples of an image dataset as PNG files for the UI. */
public final class PreviewImages {

    private PreviewImages() {
    }

    /**
     * One sample as a PNG, each pixel drawn as a {@code scale} x {@code scale} square so that small images
     * stay sharp. Gray images stay gray, 3 channels are RGB and 4 are RGBA.
     */
    public static byte[] png(DatasetHeader header, float[] values, int scale) {
        if (header.kind() != DataKind.IMAGE) {
            throw new IllegalArgumentException("Only image datasets have preview images.");
        }
        if (scale < 1) {
            throw new IllegalArgumentException("The preview scale must be 1 or more, not " + scale + ".");
        }
        int height = header.shape().get(0);
        int width = header.shape().get(1);
        int channels = header.shape().get(2);
        if (values.length != height * width * channels) {
            throw new IllegalArgumentException("An image of " + height + "x" + width + "x" + channels + " needs "
                    + height * width * channels + " values, not " + values.length + ".");
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, imageType(channels));
        WritableRaster raster = image.getRaster();
        int[] pixel = new int[channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int offset = (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    pixel[c] = Math.round(Math.max(0f, Math.min(1f, values[offset + c])) * 255f);
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        raster.setPixel(x * scale + dx, y * scale + dy, pixel);
                    }
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG into memory failed", e);
        }
        return png.toByteArray();
    }

    /**
     * Reads a canonical file once, up to the last wanted index, and renders the samples at the given
     * positions (e.g. the indices of {@link DatasetProfile#preview()}). Indices past the end are left out.
     */
    public static Map<Integer, byte[]> collect(InputStream canonical, Collection<Integer> indices, int scale)
            throws IOException {
        TreeSet<Integer> wanted = new TreeSet<>(indices);
        wanted.headSet(0).clear();
        Map<Integer, byte[]> result = new HashMap<>();
        try (DatasetFile.Reader reader = DatasetFile.reader(canonical)) {
            DatasetHeader header = reader.header();
            int index = 0;
            while (!wanted.isEmpty() && reader.hasNext()) {
                float[] values = reader.next().values();
                if (wanted.remove(index)) {
                    result.put(index, png(header, values, scale));
                }
                index++;
            }
        }
        return result;
    }

    private static int imageType(int channels) {
        return switch (channels) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_INT_RGB;
            case 4 -> BufferedImage.TYPE_INT_ARGB;
            default -> throw new IllegalArgumentException("Images with " + channels
                    + " channels cannot be previewed; only 1, 3 or 4 channels can.");
        };
    }
}
