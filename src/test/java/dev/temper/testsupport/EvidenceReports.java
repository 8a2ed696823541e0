package dev.temper.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.SuiteProvenance;
import dev.temper.engine.evaluation.attacks.AdversarialResult;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.corruptions.CorruptionResult;
import dev.temper.engine.evaluation.corruptions.CorruptionSummary;
import dev.temper.engine.evaluation.corruptions.CorruptionType;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.corruptions.NoiseResult;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.metrics.Calibration;
import dev.temper.engine.evaluation.metrics.ClassificationMetrics;
import dev.temper.engine.evaluation.metrics.ConfusionMatrix;
import dev.temper.engine.io.EngineJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Engine reports as the worker serialises them (the engine's own records through EngineJson), consistent with a
 * {@link Submissions}: as many examples, as many right clean, the same model hash, one attack at epsilon 0.1. The
 * confusion matrix spreads the right examples over the diagonal and the wrong ones to the next class.
 */
public final class EvidenceReports {

    public static final long SEED = 4242;
    public static final int PGD_ITERATIONS = 20;

    private EvidenceReports() {
    }

    /** The submission with this report in place of its empty one. */
    public static EvaluationSubmission withReport(EvaluationSubmission s, String reportJson) {
        return new EvaluationSubmission(s.examples(), s.cleanAccuracy(), s.cleanLower(), s.cleanUpper(),
                s.expectedCalibrationError(), s.negativeLogLikelihood(), s.threatModel(), s.suite(), s.robust(),
                s.flags(), s.reliable(), s.overlap(), s.perExampleOutcomes(), s.meanCorruptionAccuracy(),
                s.meanCorruptionError(), s.modelSha256(), s.engineVersion(), reportJson);
    }

    /** The report of a submission's numbers over {@code classes} classes. */
    public static String of(Submissions s, int classes) {
        int n = s.positions().length;
        int[] labels = new int[n];
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            correct[i] = i < s.clean();
            predicted[i] = correct[i] ? labels[i] : (labels[i] + 1) % classes;
            confidence[i] = correct[i] ? 0.9 : 0.6;
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, predicted, classes);
        Accuracy clean = Accuracy.of(s.clean(), n);
        ClassificationMetrics metrics = new ClassificationMetrics(clean, confusion.perClass(), confusion, 0.4,
                Calibration.of(confidence, correct, Calibration.DEFAULT_BINS));
        Accuracy robust = Accuracy.of(s.robust(), n);
        EpsilonPoint point = new EpsilonPoint(Submissions.EPSILON, new TreeMap<>(Map.of(Submissions.ATTACK, robust)),
                robust);
        Map<String, Object> pgd = new LinkedHashMap<>();
        pgd.put("iterations", PGD_ITERATIONS);
        pgd.put("restarts", 1);
        pgd.put("randomStart", true);
        AdversarialResult adversarial = new AdversarialResult("L-inf", "standard deviations", "L-inf, epsilon 0.1",
                "QUICK", List.of(point), List.of(new AdversarialResult.AttackSettings(Submissions.ATTACK, pgd)),
                SEED, n);
        List<CorruptionResult> types = new ArrayList<>();
        for (CorruptionType type : List.of(CorruptionType.GAUSSIAN_NOISE, CorruptionType.BLUR)) {
            List<Accuracy> bySeverity = new ArrayList<>();
            for (int severity = 1; severity <= CorruptionType.MAX_SEVERITY; severity++) {
                bySeverity.add(Accuracy.of(Math.max(0, s.clean() - severity * n / 20), n));
            }
            types.add(new CorruptionResult(type, bySeverity, 0.5, null));
        }
        RobustnessReport report = new RobustnessReport(
                new SuiteProvenance("ab".repeat(32), SEED, n, s.testCount(), "test", "2.18.0", "0.33.0"),
                EvaluationSpec.tabular(List.of(Submissions.EPSILON)), metrics, adversarial, List.of(),
                new NoiseResult(List.of(new NoiseResult.Point(0.1, Accuracy.of(s.clean() - 1, n))), SEED),
                new CorruptionSummary(new ImageShape(2, 2, 1), types, 0.5, null, null, SEED), null, null);
        try {
            return EngineJson.mapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
