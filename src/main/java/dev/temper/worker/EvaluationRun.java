package dev.temper.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.RobustPoint;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.RobustnessEvaluator;
import dev.temper.engine.evaluation.RobustnessReport;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.io.EngineJson;
import dev.temper.engine.model.ModelManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the engine's robustness suite on a model and turns its report into what the server stores. */
final class EvaluationRun {

    private EvaluationRun() {
    }

    /** @param baselineDir the base model, to which image corruption errors are relative (mCE); may be null */
    static EvaluationSubmission evaluate(Path modelDir, TabularData test, EvaluationSpec suite, Path baselineDir)
            throws JsonProcessingException {
        RobustnessReport report = RobustnessEvaluator.evaluateSuite(modelDir, test, forModel(modelDir, suite),
                baselineDir);
        Accuracy clean = report.clean().accuracy();
        return new EvaluationSubmission(clean.examples(), clean.value(), clean.ci95().lower(), clean.ci95().upper(),
                report.clean().calibration().expectedCalibrationError(), report.clean().meanNegativeLogLikelihood(),
                robustPoints(report), !report.reliable(),
                report.corruptions() == null ? null : report.corruptions().meanCorruptionAccuracy(),
                report.corruptions() == null ? null : report.corruptions().meanCorruptionError(),
                report.provenance().modelSha256(), "TensorFlow " + report.provenance().tensorflowVersion()
                        + ", DJL " + report.provenance().djlVersion(),
                EngineJson.mapper().writeValueAsString(report));
    }

    static boolean isImageModel(Path modelDir) {
        return ModelManifest.CNN.equals(ModelManifest.read(modelDir).architecture());
    }

    /** Image models (CNNs) are attacked in pixel units and also meet the common corruptions. */
    private static EvaluationSpec forModel(Path modelDir, EvaluationSpec suite) {
        ModelManifest manifest = ModelManifest.read(modelDir);
        if (!ModelManifest.CNN.equals(manifest.architecture())) {
            return suite;
        }
        List<Integer> shape = manifest.inputShape();
        return suite.withImages(new ImageShape(shape.get(0), shape.get(1), shape.get(2)));
    }

    private static List<RobustPoint> robustPoints(RobustnessReport report) {
        List<RobustPoint> points = new ArrayList<>();
        if (report.adversarial() == null) {
            return points;
        }
        for (EpsilonPoint point : report.adversarial().curve()) {
            points.add(new RobustPoint(RobustPoint.WORST_CASE, point.epsilon(), point.worstCase().value()));
            point.byAttack().forEach((attack, accuracy) ->
                    points.add(new RobustPoint(attack.toUpperCase(Locale.ROOT), point.epsilon(),
                            accuracy.value())));
        }
        return points;
    }
}
