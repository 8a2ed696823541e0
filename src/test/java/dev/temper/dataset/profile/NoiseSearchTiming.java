package dev.temper.dataset.profile;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Manual measurement, not a test: searches label errors in MNIST-sized images (28x28 gray, 10 classes,
 * 70,000 by default) where each class is a bright bar at its own place under noise, with 5% of labels
 * flipped, and prints the time and the quality. Needs about 1 GB of heap for 70,000 images.
 */
public final class NoiseSearchTiming {

    private NoiseSearchTiming() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
        DatasetHeader header = CanonicalFiles.imageHeader(28, 28, 1, CanonicalFiles.names("digit-", 10), count);
        Path file = Files.createTempFile("noise-timing", ".temper");
        boolean[] flipped = new boolean[count];
        try {
            Random random = new Random(1);
            try (OutputStream out = Files.newOutputStream(file);
                    DatasetFile.Writer writer = DatasetFile.writer(out, header)) {
                for (int i = 0; i < count; i++) {
                    int label = random.nextInt(10);
                    float[] pixels = new float[28 * 28];
                    int row = 3 + label * 2 + random.nextInt(2);
                    for (int p = 0; p < pixels.length; p++) {
                        boolean bar = Math.abs(p / 28 - row) <= 1 && p % 28 > 4 && p % 28 < 24;
                        pixels[p] = (float) Math.min(1, Math.max(0, (bar ? 0.7 : 0.1) + 0.3 * random.nextGaussian()));
                    }
                    if (random.nextInt(20) == 0) {
                        flipped[i] = true;
                        label = (label + 1 + random.nextInt(9)) % 10;
                    }
                    writer.write(new Sample(i % 7 == 0 ? Split.TEST : Split.TRAIN, label, null, pixels));
                }
            }
            long start = System.nanoTime();
            LabelNoiseReport report = LabelNoiseFinder.find(file, NoiseSearchSettings.DEFAULT, ProgressListener.NONE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long caught = report.suspects().stream().filter(s -> flipped[s.index()]).count();
            long flips = 0;
            for (boolean f : flipped) {
                flips += f ? 1 : 0;
            }
            System.out.printf("%d images: %d ms, out-of-fold accuracy %.3f, %d suspects, precision %.3f,"
                    + " recall %.3f%n", count, millis, report.outOfFoldAccuracy(), report.suspects().size(),
                    (double) caught / report.suspects().size(), (double) caught / flips);
        } finally {
            Files.delete(file);
        }
    }
}
