package dev.temper.dataset.format;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Manual measurement, not a test: stages a generated MNIST-sized IDX pair (70,000 gzip images of 28x28)
 * and prints the time and peak heap. Run with a small heap and two processors, for example
 * {@code java -Xmx64m -XX:ActiveProcessorCount=2 -cp ... dev.temper.dataset.format.IdxStagingMeasurement [noise]};
 * with "noise" every pixel is random (gzip cannot shrink it, about 55 MB), otherwise the images are
 * digit-like strokes on black with some noise, like MNIST.
 */
public final class IdxStagingMeasurement {

    private static final int COUNT = 70_000;
    private static final int SIDE = 28;

    private IdxStagingMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        boolean noise = args.length > 0 && args[0].equals("noise");
        Path folder = Files.createTempDirectory("idx-measurement");
        try {
            Path images = folder.resolve("images.idx.gz");
            Path labels = folder.resolve("labels.idx.gz");
            writePair(images, labels, noise);
            Path work = Files.createDirectories(folder.resolve("work"));
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            try (StagedDataset staged = DatasetImporter.stage(ImportRequest.idx(), List.of(images, labels),
                    ImportLimits.DEFAULT, work)) {
                long staging = System.nanoTime() - start;
                long[] checksum = new long[1];
                long readStart = System.nanoTime();
                staged.forEach((index, sample) -> checksum[0] += sample.label());
                long reading = System.nanoTime() - readStart;
                long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
                System.out.printf("images.gz %.1f MB, labels.gz %.1f KB, %d samples, %d classes%n",
                        Files.size(images) / 1e6, Files.size(labels) / 1e3, staged.header().sampleCount(),
                        staged.header().classCount());
                System.out.printf("stage %.2f s, stream back %.2f s, peak heap (sum of pool peaks) %.1f MB,"
                        + " max heap %.0f MB, processors %d%n", staging / 1e9, reading / 1e9, peak / 1e6,
                        Runtime.getRuntime().maxMemory() / 1e6, Runtime.getRuntime().availableProcessors());
            }
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void writePair(Path images, Path labels, boolean noise) throws IOException {
        Random random = new Random(70_000);
        try (DataOutputStream imageOut = gzip(images); DataOutputStream labelOut = gzip(labels)) {
            imageOut.writeInt(0x00000803);
            imageOut.writeInt(COUNT);
            imageOut.writeInt(SIDE);
            imageOut.writeInt(SIDE);
            labelOut.writeInt(0x00000801);
            labelOut.writeInt(COUNT);
            byte[] pixels = new byte[SIDE * SIDE];
            for (int i = 0; i < COUNT; i++) {
                int digit = random.nextInt(10);
                if (noise) {
                    random.nextBytes(pixels);
                } else {
                    drawStroke(pixels, digit, random);
                }
                imageOut.write(pixels);
                labelOut.writeByte(digit);
            }
        }
    }

    /** A random walk whose direction depends on the digit, with a few noisy pixels. */
    private static void drawStroke(byte[] pixels, int digit, Random random) {
        Arrays.fill(pixels, (byte) 0);
        double x = 8 + random.nextInt(12);
        double y = 4 + random.nextInt(6);
        double angle = digit * Math.PI / 5;
        for (int step = 0; step < 60; step++) {
            angle += random.nextGaussian() * 0.3;
            x = Math.max(1, Math.min(SIDE - 2, x + Math.cos(angle)));
            y = Math.max(1, Math.min(SIDE - 2, y + Math.sin(angle)));
            pixels[(int) y * SIDE + (int) x] = (byte) (180 + random.nextInt(76));
            pixels[(int) y * SIDE + (int) x + 1] = (byte) (60 + random.nextInt(120));
        }
        for (int n = 0; n < 30; n++) {
            pixels[random.nextInt(pixels.length)] = (byte) random.nextInt(256);
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out, 1 << 16), 1 << 16));
    }
}
