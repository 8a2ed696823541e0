package dev.temper.engine.bench;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.RawModelTarget;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.model.CnnLayout;
import dev.temper.engine.model.GlorotInitializer;
import dev.temper.engine.model.MlpLayout;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.BareTrainingLoop;
import dev.temper.engine.training.EngineTrainingLoop;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the engine against bare TensorFlow loops doing the same work, and of DJL inference.
 * Rates are medians over repeats taken after a warm-up; engine and bare runs alternate so that drift in
 * the machine's speed hits both alike. Ratios come twice: from each side's fastest epoch or run (other
 * load on a shared machine only ever slows a run down, so the fastest is the least disturbed) and as the
 * median of the paired runs' ratios. Training also reports how far the two loops' final weights differ.
 */
final class SpeedBenchmark {

    private static final String SECTION = "speed";
    private static final int BATCH = 128;
    private static final double PGD_EPSILON = 0.1;
    private static final int PGD_IMAGES = 2000;
    /** Paired rounds of the attack comparison: single runs of a few seconds are easily disturbed. */
    private static final int PGD_ROUNDS = 8;
    private static final PgdSettings PGD_10 = PgdSettings.standard(10, 1);

    private SpeedBenchmark() {
    }

    static void run(MnistDigits.Split data, Path cleanModel, Path workDir, BenchTable table) throws Exception {
        TabularData train = data.train();
        training(table, "MLP [128,64]", new MlpLayout(MnistDigits.PIXELS, List.of(128, 64), MnistDigits.CLASSES),
                train, 6, 11);
        training(table, "CNN conv[16,32] dense[64]", new CnnLayout(28, 28, 1, List.of(16, 32), List.of(64),
                MnistDigits.CLASSES), train, 3, 4);
        Path model = cleanModel != null ? cleanModel : Trainer.pretrain(QualityBenchmark.CNN, TrainingRequest.of(train,
                data.test(), TrainingStrategy.of(2, 64, 1e-3, QualityBenchmark.SEED),
                workDir.resolve("speed-cnn"))).directory();
        pgd(table, model, data.test());
        djl(table, model, data.test());
    }

    private static void training(BenchTable table, String name, NetworkLayout layout, TabularData train, int epochs,
                                 int rounds) {
        TrainingStrategy strategy = TrainingStrategy.of(epochs, BATCH, 1e-3, QualityBenchmark.SEED);
        Map<String, float[]> initial = GlorotInitializer.initialWeights(layout, strategy.seed());
        List<Double> engine = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        double engineBest = 0;
        double bareBest = 0;
        double maxDifference = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            // Alternating which loop goes first cancels the drift of a shared machine within a round.
            Run first = round % 2 == 0 ? engineRun(layout, strategy, initial, train) : bareRun(layout, strategy, initial, train);
            Run second = round % 2 == 0 ? bareRun(layout, strategy, initial, train) : engineRun(layout, strategy, initial, train);
            Run engineRun = round % 2 == 0 ? first : second;
            Run bareRun = round % 2 == 0 ? second : first;
            engine.add(engineRun.rate());
            bare.add(bareRun.rate());
            ratios.add(engineRun.rate() / bareRun.rate());
            engineBest = Math.max(engineBest, engineRun.best());
            bareBest = Math.max(bareBest, bareRun.best());
            maxDifference = Math.max(maxDifference, maxAbsDifference(engineRun.weights(), bareRun.weights()));
        }
        String setup = train.size() + " MNIST rows, batch " + BATCH + ", Adam; " + rounds + " paired runs of " + epochs
                + " epochs, per run the median epoch after the first, median over runs";
        table.add(SECTION, name + ": engine training", BenchTable.number(Stats.median(engine), "samples/s"), setup);
        table.add(SECTION, name + ": bare session training", BenchTable.number(Stats.median(bare), "samples/s"), setup);
        table.add(SECTION, name + ": engine / bare, best epochs", BenchTable.ratio(engineBest / bareBest),
                "target >= 0.95; fastest epoch of each loop (" + BenchTable.number(engineBest, "") + "/ "
                        + BenchTable.number(bareBest, "samples/s") + "): least disturbed by other load");
        table.add(SECTION, name + ": engine / bare, paired runs", BenchTable.ratio(Stats.median(ratios)),
                "median of paired ratios " + ratios.stream().map(BenchTable::ratio).toList()
                        + "; final weights differ by at most " + String.format("%.1e", maxDifference) + "; "
                        + BenchTable.seconds(Stats.secondsSince(start)) + " in all");
    }

    /** Median and best samples/s of a run's epochs after the first (which carries graph building and warm-up). */
    private record Run(double rate, double best, Map<String, float[]> weights) {
    }

    private static Run engineRun(NetworkLayout layout, TrainingStrategy strategy, Map<String, float[]> initial,
                                 TabularData train) {
        settle();
        List<Long> epochEnds = new ArrayList<>();
        Map<String, float[]> weights = EngineTrainingLoop.train(layout, strategy, initial, train,
                metrics -> epochEnds.add(System.nanoTime()));
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < epochEnds.size(); i++) {
            rates.add(train.size() / ((epochEnds.get(i) - epochEnds.get(i - 1)) / 1e9));
        }
        return new Run(Stats.median(rates), Stats.max(rates), weights);
    }

    private static Run bareRun(NetworkLayout layout, TrainingStrategy strategy, Map<String, float[]> initial,
                               TabularData train) {
        settle();
        BareTrainingLoop.Outcome outcome = BareTrainingLoop.train(layout, initial, train.features(), train.labels(),
                strategy);
        List<Double> rates = outcome.samplesPerSecond();
        List<Double> timed = rates.subList(1, rates.size());
        return new Run(Stats.median(timed), Stats.max(timed), outcome.weights());
    }

    /** Collects the previous run's garbage first, so that neither side pays for the other's. */
    private static void settle() {
        System.gc();
    }

    private static double maxAbsDifference(Map<String, float[]> a, Map<String, float[]> b) {
        double max = 0;
        for (var entry : a.entrySet()) {
            float[] other = b.get(entry.getKey());
            for (int i = 0; i < other.length; i++) {
                max = Math.max(max, Math.abs(entry.getValue()[i] - other[i]));
            }
        }
        return max;
    }

    private static void pgd(BenchTable table, Path modelDir, TabularData test) {
        float[][] x = Arrays.copyOf(test.features(), PGD_IMAGES);
        int[] y = Arrays.copyOf(test.labels(), PGD_IMAGES);
        ModelManifest manifest = ModelManifest.read(modelDir);
        Pgd attack = new Pgd(PGD_10, InputBounds.UNIT, QualityBenchmark.SEED);
        List<Double> engine = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (RawModelTarget target = new RawModelTarget(modelDir);
             BarePgd reference = new BarePgd(modelDir, manifest.networkLayout())) {
            attack.perturb(target, Arrays.copyOf(x, 256), Arrays.copyOf(y, 256), PGD_EPSILON);
            reference.attack(Arrays.copyOf(x, 256), Arrays.copyOf(y, 256), PGD_EPSILON, PGD_10, 1);
            for (int round = 0; round < PGD_ROUNDS; round++) {
                // Alternating which goes first cancels drift within a round, as for training.
                for (int turn = 0; turn < 2; turn++) {
                    long start = System.nanoTime();
                    if ((round + turn) % 2 == 0) {
                        attack.perturb(target, x, y, PGD_EPSILON);
                        engine.add(PGD_IMAGES / Stats.secondsSince(start));
                    } else {
                        reference.attack(x, y, PGD_EPSILON, PGD_10, round);
                        bare.add(PGD_IMAGES / Stats.secondsSince(start));
                    }
                }
                ratios.add(engine.get(round) / bare.get(round));
            }
        }
        String setup = PGD_IMAGES + " test digits, eps 0.1, step 0.025, 1 restart, best-margin tracking; median of " + PGD_ROUNDS
                + " paired runs";
        double engineRate = Stats.median(engine);
        double bareRate = Stats.median(bare);
        table.add(SECTION, "PGD-10 evaluation: engine", BenchTable.number(engineRate, "images/s"), setup);
        table.add(SECTION, "PGD-10 evaluation: bare session loop", BenchTable.number(bareRate, "images/s"), setup);
        table.add(SECTION, "PGD-10 evaluation: engine / bare, best runs", BenchTable.ratio(Stats.max(engine)
                / Stats.max(bare)), "target >= 0.9; fastest run of each: least disturbed by other load");
        table.add(SECTION, "PGD-10 evaluation: engine / bare, paired runs", BenchTable.ratio(Stats.median(ratios)),
                "median of paired ratios " + ratios.stream().map(BenchTable::ratio).toList());
    }

    private static void djl(BenchTable table, Path modelDir, TabularData test) throws Exception {
        try (DjlPredictions djl = new DjlPredictions(modelDir)) {
            for (int batch : new int[] {1, 256}) {
                int requests = batch == 1 ? 2000 : 40;
                djl.samplesPerSecond(test.features(), batch, requests / 4);
                List<Double> rates = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    rates.add(djl.samplesPerSecond(test.features(), batch, requests));
                }
                table.add(SECTION, "DJL inference CNN, batch " + batch, BenchTable.number(Stats.median(rates),
                        "samples/s"), requests + " requests per repeat, median of 5, sub-manager per request");
            }
        }
    }
}
