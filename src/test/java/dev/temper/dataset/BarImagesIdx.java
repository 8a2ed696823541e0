package dev.temper.dataset;

import dev.temper.testsupport.Api;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an IDX upload (gzipped images and labels files, MNIST's format) of 28x28 images: per class a bar
 * at its own angle, with noise on every pixel, so the images file barely compresses, like a hard scan.
 */
public final class BarImagesIdx {

    public static final int SIDE = 28;
    public static final int CLASSES = 10;

    private BarImagesIdx() {
    }

    public static void write(Path images, Path labels, int count, long seed) throws IOException {
        write(images, labels, count, seed, 0);
    }

    /** Writes a set of count images and registers it as an IDX upload of the user's; returns the version id. */
    public static long register(String user, String name, int count, long seed) throws IOException {
        Path dir = Files.createTempDirectory(name + "-");
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        write(images, labels, count, seed);
        return Api.as(user).multiPart("name", name).multiPart("format", "IDX")
                .multiPart("file", images.toFile()).multiPart("labelsFile", labels.toFile())
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** As {@link #write(Path, Path, int, long)}, with a share of the labels flipped to a wrong class. */
    public static void write(Path images, Path labels, int count, long seed, double flipShare) throws IOException {
        Random random = new Random(seed);
        try (DataOutputStream imageOut = gzip(images); DataOutputStream labelOut = gzip(labels)) {
            imageOut.writeInt(0x00000803);
            imageOut.writeInt(count);
            imageOut.writeInt(SIDE);
            imageOut.writeInt(SIDE);
            labelOut.writeInt(0x00000801);
            labelOut.writeInt(count);
            byte[] pixels = new byte[SIDE * SIDE];
            for (int i = 0; i < count; i++) {
                int label = random.nextInt(CLASSES);
                double angle = Math.PI * label / CLASSES;
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        double distance = Math.abs((x - 13.5) * Math.sin(angle) - (y - 13.5) * Math.cos(angle));
                        int value = distance < 2.5 ? 200 : 20;
                        pixels[y * SIDE + x] = (byte) Math.max(0, Math.min(255, value + random.nextInt(120) - 40));
                    }
                }
                imageOut.write(pixels);
                boolean flipped = random.nextDouble() < flipShare;
                labelOut.writeByte(flipped ? (label + 1 + random.nextInt(CLASSES - 1)) % CLASSES : label);
            }
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        return new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16));
    }
}
