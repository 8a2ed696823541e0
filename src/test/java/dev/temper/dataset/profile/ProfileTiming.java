package dev.temper.dataset.profile;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Manual measurement, not a test: profiles 70,000 random 28x28 gray images (MNIST's size) and prints
 * the time. Run with the test classpath: {@code java -cp ... dev.temper.dataset.profile.ProfileTiming}.
 */
public final class ProfileTiming {

    private ProfileTiming() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
        DatasetHeader header = CanonicalFiles.imageHeader(28, 28, 1, CanonicalFiles.names("digit-", 10), count);
        Path file = Files.createTempFile("profile-timing", ".temper");
        try {
            Random random = new Random(1);
            try (OutputStream out = Files.newOutputStream(file);
                    DatasetFile.Writer writer = DatasetFile.writer(out, header)) {
                for (int i = 0; i < count; i++) {
                    float[] pixels = new float[28 * 28];
                    for (int p = 0; p < pixels.length; p++) {
                        pixels[p] = random.nextInt(4) == 0 ? random.nextInt(256) / 255f : 0f;
                    }
                    Split split = i % 7 == 0 ? Split.TEST : i % 7 == 1 ? Split.VALIDATION : Split.TRAIN;
                    writer.write(new Sample(split, i % 10, "img/" + i + ".png", pixels));
                }
            }
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                DatasetProfile profile = DatasetProfiler.profile(file);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("run %d: %d images profiled in %d ms (%d duplicate groups)%n", run,
                        profile.sampleCount(), millis, profile.duplicates().groups());
            }
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                int rendered = PreviewImages.collect(in, List.of(0, 1, 2, count - 1), 4).size();
                System.out.printf("collected %d previews in %d ms%n", rendered,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            Files.delete(file);
        }
    }
}
