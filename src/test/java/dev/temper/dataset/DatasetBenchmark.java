package dev.temper.dataset;

import dev.temper.contract.SplitPlan;
import dev.temper.dataset.format.ImportLimits;
import dev.temper.dataset.format.UploadFormat;
import dev.temper.dataset.profile.DatasetProfile;
import dev.temper.dataset.profile.DatasetProfiler;
import dev.temper.engine.io.FileTrees;
import dev.temper.storage.FileSystemArtifactStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Registers a 70,000-image IDX upload (MNIST's size: 28x28 grayscale, ten classes) the way the server
 * does, from the gzipped files on disk to a stored, profiled version, and prints the time of each stage
 * and the peak heap. The images are class patterns under heavy pixel noise, so the gzipped images file
 * is about 50 MB (real MNIST compresses to 10 MB; noise makes the parsing and hashing work honest).
 *
 * <p>Run: {@code ./mvnw -Pbench -Dbench.main=dev.temper.dataset.DatasetBenchmark -Dbench.heap=110m}; the
 * heap cap is twice the images' unpacked size (54.9 MB), so finishing at all shows the pipeline stays under it.
 */
public final class DatasetBenchmark {

    private static final int IMAGES = 70_000;
    private static final int SIDE = BarImagesIdx.SIDE;

    private DatasetBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bench-data", "idx70k"));
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Path labels = dir.resolve("labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels)) {
            BarImagesIdx.write(images, labels, IMAGES, 70_000);
        }
        long unpacked = (long) IMAGES * SIDE * SIDE;
        System.out.printf(Locale.ROOT, "IDX upload: %d images %dx%d, images.gz %.1f MB, labels.gz %.2f MB, "
                + "unpacked %.1f MB; max heap %.0f MB%n", IMAGES, SIDE, SIDE, Files.size(images) / 1e6,
                Files.size(labels) / 1e6, unpacked / 1e6, Runtime.getRuntime().maxMemory() / 1e6);

        System.gc();
        resetHeapPeaks();
        long usedBefore = usedHeap();
        Path work = Files.createTempDirectory("temper-bench-");
        Path storeRoot = Files.createTempDirectory("temper-bench-store-");
        try {
            long start = System.nanoTime();
            UploadCommand command = new UploadCommand("team-a", "idx70k", UploadFormat.IDX, null, null, null,
                    SplitPlan.DEFAULT, null, List.of(images, labels));
            CanonicalFile canonical = UploadPipeline.canonicalise(command, new ImportLimits(4L << 30, 100, 1_000_000),
                    work);
            long validated = System.nanoTime();
            DatasetProfile profile = DatasetProfiler.profile(canonical.path());
            long profiled = System.nanoTime();
            new FileSystemArtifactStore(storeRoot, 0).put("datasets/bench/" + canonical.sha256() + ".tds", canonical.path());
            long stored = System.nanoTime();

            System.out.printf(Locale.ROOT, "validate + split + canonical file: %6.2f s (%.1f MB, sha256 %s)%n",
                    seconds(start, validated), canonical.sizeBytes() / 1e6, canonical.sha256().substring(0, 12));
            System.out.printf(Locale.ROOT, "profile:                           %6.2f s (%d samples, %d duplicates, "
                    + "imbalance %.2f)%n", seconds(validated, profiled), profile.sampleCount(),
                    profile.duplicates().duplicateSamples(), profile.imbalance().ratio());
            System.out.printf(Locale.ROOT, "store (filesystem):                %6.2f s%n", seconds(profiled, stored));
            System.out.printf(Locale.ROOT, "total:                             %6.2f s (target < 60 s)%n",
                    seconds(start, stored));
            long peak = peakHeap();
            System.out.printf(Locale.ROOT, "peak heap %.1f MB (%.1f MB above the %.1f MB in use before), "
                    + "%.2f x the unpacked images (target well under 2)%n", peak / 1e6, (peak - usedBefore) / 1e6,
                    usedBefore / 1e6, peak / (double) unpacked);
        } finally {
            FileTrees.deleteQuietly(work);
            FileTrees.deleteQuietly(storeRoot);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void resetHeapPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of each heap pool's peak: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
