package dev.temper.dataset.derive;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Measures ResplitDerivation and ShiftDerivation(GAUSSIAN_NOISE) on an MNIST-sized parent: 70,000 random 28x28 grey
 * images in 10 classes, read from and written to files. Run by hand (it is not a test):
 * {@code java -cp <classes:test-classes:jackson> dev.temper.dataset.derive.ResplitAndNoiseTiming}.
 */
public final class ResplitAndNoiseTiming {

    private static final int IMAGES = 70_000;

    private ResplitAndNoiseTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("derive-timing");
        Path parent = directory.resolve("parent.tds");
        writeParent(parent);
        System.out.printf("parent: %d images, %.1f MB%n", IMAGES, Files.size(parent) / 1e6);
        StreamSource source = () -> Files.newInputStream(parent);
        for (int round = 1; round <= 3; round++) {
            time("resplit 70/15/15", source, new ResplitDerivation(new SplitPlan(0.7, 0.15, 0.15, round)), directory);
            time("gaussian noise 0.1", source, ShiftDerivation.gaussianNoise(0.1, round), directory);
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    private static void time(String name, StreamSource source, Derivation derivation, Path directory)
            throws IOException {
        Path child = directory.resolve("child.tds");
        long start = System.nanoTime();
        DerivationSummary summary;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(child))) {
            summary = Deriver.derive(source, derivation, out);
        }
        System.out.printf("%-20s %6d ms  %s%n", name, (System.nanoTime() - start) / 1_000_000, summary.description());
    }

    private static void writeParent(Path file) throws IOException {
        DatasetHeader header = new DatasetHeader(DataKind.IMAGE, List.of(28, 28, 1), List.of(),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), true, SplitPlan.DEFAULT, IMAGES);
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file); DatasetFile.Writer writer = DatasetFile.writer(out, header)) {
            for (int i = 0; i < IMAGES; i++) {
                float[] pixels = new float[28 * 28];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextInt(256) / 255f;
                }
                writer.write(new Sample(Split.values()[i % 3], random.nextInt(10), null, pixels));
            }
        }
    }
}
