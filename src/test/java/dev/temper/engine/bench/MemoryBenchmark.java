package dev.temper.engine.bench;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Resident set size (VmRSS) while the engine trains a CNN for 20 epochs (one sample per epoch) and while
 * DJL makes 50,000 single-image predictions (one sample every 5,000). Memory that grows with work done,
 * e.g. unclosed tensors, shows as a climb after the warm-up samples.
 */
final class MemoryBenchmark {

    private static final String SECTION = "memory";
    private static final int EPOCHS = 20;
    private static final int TRAIN_ROWS = 4000;
    private static final int PREDICTIONS = 50_000;
    private static final int SAMPLE_EVERY = 5_000;
    /** Samples that count as warm-up: the first quarter of each series. */
    private static final int TRAINING_WARMUP = 5;
    private static final int PREDICTION_WARMUP = 2;

    private MemoryBenchmark() {
    }

    static void run(MnistDigits.Split data, Path workDir, BenchTable table) throws Exception {
        TabularData train = new TabularData(Arrays.copyOf(data.train().features(), TRAIN_ROWS),
                Arrays.copyOf(data.train().labels(), TRAIN_ROWS), MnistDigits.CLASSES);
        List<Double> training = new ArrayList<>();
        ExportedModel model = Trainer.pretrain(QualityBenchmark.CNN, TrainingRequest.of(train, data.test(),
                TrainingStrategy.of(EPOCHS, 64, 1e-3, QualityBenchmark.SEED), workDir.resolve("memory-cnn"))
                .withListener(metrics -> training.add(Rss.mib())));
        report(table, "training, per epoch (" + EPOCHS + " epochs CNN, " + TRAIN_ROWS + " rows, batch 64)", training,
                TRAINING_WARMUP);
        List<Double> predicting = new ArrayList<>();
        try (DjlPredictions djl = new DjlPredictions(model.directory())) {
            for (int i = 1; i <= PREDICTIONS; i++) {
                djl.predict(data.test().features(), i, 1);
                if (i % SAMPLE_EVERY == 0) {
                    predicting.add(Rss.mib());
                }
            }
        }
        report(table, "DJL, every 5,000 of 50,000 batch-1 predictions", predicting, PREDICTION_WARMUP);
    }

    private static void report(BenchTable table, String what, List<Double> samples, int warmup) {
        String series = samples.stream().map(value -> String.format(Locale.ROOT, "%.0f", value)).toList().toString();
        table.add(SECTION, what + ": RSS first / last / max", String.format(Locale.ROOT, "%.0f / %.0f / %.0f MiB",
                samples.get(0), samples.get(samples.size() - 1), Stats.max(samples)), "samples " + series);
        boolean flat = Rss.flatAfterWarmup(samples, warmup);
        table.add(SECTION, what + ": flat within 10% after warm-up", flat ? "yes" : "NO",
                "reference = sample " + warmup + " (end of warm-up); every later sample within +-10% of it");
    }
}
