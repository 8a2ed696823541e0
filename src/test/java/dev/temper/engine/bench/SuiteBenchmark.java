package dev.temper.engine.bench;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.SuiteStep;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Wall time of a whole evaluation job's suite (clean metrics, attacks, reliability checks, noise and the 45
 * corruption settings) on all 10,000 MNIST digits, for the adversarially fine-tuned CNN: robust examples are
 * what every attack spends its full budget on, so a robust model is the slow case.
 */
final class SuiteBenchmark {

    private static final String SECTION = "suite";

    private SuiteBenchmark() {
    }

    static void run(MnistDigits.Split data, Path robustModel, BenchTable table) {
        TabularData all = concat(data.train(), data.test());
        for (SuiteVersion version : List.of(SuiteVersion.QUICK, SuiteVersion.STANDARD)) {
            EvaluationSpec spec = new EvaluationSpec(ThreatModel.linfPixels(List.of(QualityBenchmark.EPSILON)),
                    version, List.of(0.1, 0.3), false, null, null, null, QualityBenchmark.SEED, EvaluationSpec.WHOLE_SPLIT)
                    .withImages(new ImageShape(MnistDigits.SIDE, MnistDigits.SIDE, 1));
            List<SuiteStep> steps = new ArrayList<>();
            long start = System.nanoTime();
            RobustnessReport report = RobustnessEvaluator.evaluateSuite(robustModel, all, spec, null, step -> {
                System.out.println(version + " " + step);
                steps.add(step);
            });
            double seconds = Stats.secondsSince(start);
            EpsilonPoint point = report.adversarial().curve().get(0);
            String target = version == SuiteVersion.QUICK ? "target < 3 min" : "target < 15 min";
            table.add(SECTION, version + " suite on " + all.size() + " digits: wall time", BenchTable.seconds(seconds),
                    target + "; clean, attacks at eps 0.1, reliability checks, noise, 45 corruptions");
            for (SuiteStep step : steps) {
                table.add(SECTION, version + "   " + step.name(), BenchTable.seconds(step.elapsed().toMillis() / 1000.0),
                        step.outcome());
            }
            table.add(SECTION, version + " suite: robust accuracy", BenchTable.percent(point.worstCase().value()),
                    "after " + String.join(", ", point.byAttack().keySet()) + ": " + point.byAttack().values().stream()
                            .map(a -> BenchTable.percent(a.value())).collect(Collectors.joining(" / ")));
            table.add(SECTION, version + " suite: reliability", report.reliable() ? "reliable"
                    : report.flags().stream().map(ReliabilityFlag::check).toList().toString(),
                    report.flags().stream().map(ReliabilityFlag::reason).collect(Collectors.joining("; ")));
        }
    }

    private static TabularData concat(TabularData a, TabularData b) {
        float[][] features = new float[a.size() + b.size()][];
        int[] labels = new int[a.size() + b.size()];
        System.arraycopy(a.features(), 0, features, 0, a.size());
        System.arraycopy(b.features(), 0, features, a.size(), b.size());
        System.arraycopy(a.labels(), 0, labels, 0, a.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        return new TabularData(features, labels, a.classCount());
    }
}
