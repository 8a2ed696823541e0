package dev.temper.dataset.format;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns a decoded image into bytes in height-width-channel order with 1 or 3 channels. Colour goes to
 * gray by luminance (ITU-R BT.601 weights); gray is replicated into red, green and blue. Alpha is dropped.
 */
public final class PixelConversion {

    private PixelConversion() {
    }

    /** Gray images are read from their raster: {@code getRGB} would pass them through a gamma curve. */
    public static boolean isGray(BufferedImage image) {
        return !(image.getColorModel() instanceof IndexColorModel)
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    public static byte[] toBytes(BufferedImage image, int channels) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height * channels];
        boolean gray = isGray(image);
        Raster raster = image.getRaster();
        int grayMax = gray ? (1 << image.getColorModel().getComponentSize(0)) - 1 : 0;
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (gray) {
                    int value = (int) Math.round(raster.getSample(x, y, 0) * 255.0 / grayMax);
                    for (int c = 0; c < channels; c++) {
                        pixels[i++] = (byte) value;
                    }
                } else {
                    int rgb = image.getRGB(x, y);
                    int red = rgb >> 16 & 0xff;
                    int green = rgb >> 8 & 0xff;
                    int blue = rgb & 0xff;
                    if (channels == 1) {
                        pixels[i++] = (byte) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
                    } else {
                        pixels[i++] = (byte) red;
                        pixels[i++] = (byte) green;
                        pixels[i++] = (byte) blue;
                    }
                }
            }
        }
        return pixels;
    }
}
