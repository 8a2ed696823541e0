package dev.temper.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile.SplitRows;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.EvaluationSubmission.Overlap;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.RobustPoint;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.SuiteProgress;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.io.EngineJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Runs the engine's robustness suite on a model and turns its report into what the server stores. */
final class EvaluationRun {

    private EvaluationRun() {
    }

    /**
     * The suite as it applies to this dataset: images (whatever the model's architecture) are attacked in pixels
     * and meet the corruptions; tables measured in train-split standard deviations get the train split's.
     *
     * @param header the dataset file's header; null for a version in the old CSV format (always a table)
     */
    static EvaluationSpec forDataset(EvaluationSpec suite, DatasetHeader header, SplitRows train) {
        if (header != null && header.kind() == DataKind.IMAGE) {
            List<Integer> shape = header.shape();
            return suite.withImages(new ImageShape(shape.get(0), shape.get(1), shape.get(2)));
        }
        if (suite.threatModel().unit() == EpsilonUnit.TRAIN_STD) {
            if (train == null || train.size() == 0) {
                throw new IllegalArgumentException("Epsilons are in train-split standard deviations, but the dataset "
                        + "has no train samples");
            }
            return suite.withTrainStd(FeatureScale.standardDeviations(train.features(), train.features()[0].length));
        }
        return suite;
    }

    /**
     * @param test        the selected test examples, in the order of {@code selection.positions()}
     * @param suite       the suite for this dataset ({@link #forDataset}); the selection already applied its cap on
     *                    examples, so the engine, given no more than the cap, evaluates all and the report states it
     * @param baselineDir the base model, to which image corruption errors are relative (mCE); may be null
     * @param progress    hears of each step of the suite as it finishes (the job's log shows them)
     */
    static EvaluationSubmission evaluate(Path modelDir, TabularData test, EvaluationSpec suite, Path baselineDir,
            TestSelection selection, OverlapCheck check, int testExamples, SuiteProgress progress)
            throws JsonProcessingException {
        RobustnessReport report = RobustnessEvaluator.evaluateSuite(modelDir, test, suite, baselineDir, progress);
        if (report.perExample() == null) {
            throw new IllegalStateException("The engine's report has no per-example outcomes");
        }
        Accuracy clean = report.clean().accuracy();
        ThreatModel threat = suite.threatModel();
        return new EvaluationSubmission(clean.examples(), clean.value(), clean.ci95().lower(), clean.ci95().upper(),
                report.clean().calibration().expectedCalibrationError(), report.clean().meanNegativeLogLikelihood(),
                new Threat(threat.norm().name(), threat.unit().name(), threat.epsilons(), threat.describe()),
                suite.suite().name(), robustPoints(report),
                report.flags().stream().map(f -> new Flag(f.check().name(), f.reason())).toList(), report.reliable(),
                new Overlap(check, selection.excluded(), testExamples),
                Base64.getEncoder().encodeToString(report.perExample().withPositions(selection.positions()).encode()),
                report.corruptions() == null ? null : report.corruptions().meanCorruptionAccuracy(),
                report.corruptions() == null ? null : report.corruptions().meanCorruptionError(),
                report.provenance().modelSha256(), "TensorFlow " + report.provenance().tensorflowVersion()
                        + ", DJL " + report.provenance().djlVersion(),
                EngineJson.mapper().writeValueAsString(report),
                report.strip() == null ? null
                        : Base64.getEncoder().encodeToString(report.strip().withPositions(selection.positions()).encode()));
    }

    /** Attack names are the engine's, passed on as they are: suites change, the server treats them as data. */
    static List<RobustPoint> robustPoints(RobustnessReport report) {
        List<RobustPoint> points = new ArrayList<>();
        if (report.adversarial() == null) {
            return points;
        }
        for (EpsilonPoint point : report.adversarial().curve()) {
            points.add(point(RobustPoint.WORST_CASE, point.epsilon(), point.worstCase()));
            point.byAttack().forEach((attack, accuracy) -> points.add(point(attack, point.epsilon(), accuracy)));
        }
        return points;
    }

    private static RobustPoint point(String attack, double epsilon, Accuracy accuracy) {
        return new RobustPoint(attack, epsilon, accuracy.value(), accuracy.ci95().lower(), accuracy.ci95().upper(),
                accuracy.correct(), accuracy.examples());
    }
}
