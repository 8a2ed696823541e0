package dev.temper.engine.bench;

import dev.temper.engine.serving.BatchingPredictor;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What serving the CNN through {@link BatchingPredictor} costs, in the server's process without HTTP: latency of
 * single-image requests from one client, and predictions/s with 32 concurrent clients each sending one image per
 * request, with micro-batching (the server's defaults: up to 256 rows, 1 ms wait) and without (batches of 1).
 */
final class ServingBenchmark {

    private static final String SECTION = "serving";
    private static final int CLIENTS = 32;
    private static final Duration LOAD_TIME = Duration.ofSeconds(10);

    private ServingBenchmark() {
    }

    /** @param cnn the quality section's clean CNN, or null to train one for 2 epochs */
    static void run(MnistDigits.Split data, Path cnn, Path workDir, BenchTable table) throws Exception {
        if (cnn == null) {
            cnn = Trainer.pretrain(QualityBenchmark.CNN, TrainingRequest.of(data.train(), data.test(),
                    TrainingStrategy.of(2, 64, 1e-3, QualityBenchmark.SEED), workDir.resolve("serving-cnn"))).directory();
        }
        float[][] images = data.test().features();
        try (BatchingPredictor predictor = new BatchingPredictor(cnn, 256, Duration.ofMillis(1))) {
            singleClient(predictor, images, table);
            concurrent(predictor, images, table, "micro-batching (up to 256 rows, 1 ms wait)");
        }
        try (BatchingPredictor unbatched = new BatchingPredictor(cnn, 1, Duration.ZERO)) {
            concurrent(unbatched, images, table, "no batching (batches of 1)");
        }
    }

    private static void singleClient(BatchingPredictor predictor, float[][] images, BenchTable table) throws Exception {
        int requests = 2000;
        long[] nanos = new long[requests];
        for (int i = 0; i < requests + 200; i++) {
            long start = System.nanoTime();
            predictor.submit(new float[][] {images[i % images.length]}).get();
            if (i >= 200) {
                nanos[i - 200] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        table.add(SECTION, "one client, one image per request: p50 latency", millis(nanos[requests / 2]),
                requests + " requests after 200 warm-up; p95 " + millis(nanos[(int) (requests * 0.95)])
                        + "; target p50 < 5 ms");
    }

    private static void concurrent(BatchingPredictor predictor, float[][] images, BenchTable table, String mode)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + LOAD_TIME.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(clients.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = client; System.nanoTime() < end; i += CLIENTS) {
                    long start = System.nanoTime();
                    predictor.submit(new float[][] {images[i % images.length]}).get();
                    latencies.add(System.nanoTime() - start);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        long begin = System.nanoTime();
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                all.add(nanos);
            }
        }
        double seconds = Math.max(LOAD_TIME.toNanos(), System.nanoTime() - begin) / 1e9;
        clients.shutdown();
        all.sort(null);
        table.add(SECTION, CLIENTS + " clients, " + mode + ": throughput", BenchTable.number(all.size() / seconds,
                "predictions/s"), all.size() + " single-image requests in " + LOAD_TIME.toSeconds() + " s; p50 "
                + millis(all.get(all.size() / 2)) + ", p95 " + millis(all.get((int) (all.size() * 0.95)))
                + "; target >= 5,000/s with micro-batching");
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
