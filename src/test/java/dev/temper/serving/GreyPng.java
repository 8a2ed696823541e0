package dev.temper.serving;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNGs of fixture images in [0, 1], and the row an image upload makes of the same pixels (bytes over 255). */
final class GreyPng {

    private GreyPng() {
    }

    static byte[] encode(float[] pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % width, i / width, 0, toByte(pixels[i]));
        }
        return write(image);
    }

    /** The same grey in red, green and blue: luminance gives it back exactly. */
    static byte[] encodeAsRgb(float[] pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < pixels.length; i++) {
            int grey = toByte(pixels[i]);
            image.setRGB(i % width, i / width, grey << 16 | grey << 8 | grey);
        }
        return write(image);
    }

    static float[] asTrained(float[] pixels) {
        float[] row = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            row[i] = toByte(pixels[i]) / 255f;
        }
        return row;
    }

    private static int toByte(float value) {
        return Math.round(Math.max(0f, Math.min(1f, value)) * 255f);
    }

    private static byte[] write(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
