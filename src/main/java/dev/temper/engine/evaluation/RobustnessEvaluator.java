package dev.temper.engine.evaluation;

import dev.temper.engine.data.TabularData;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Measures how an exported model holds up: clean metrics with calibration, the suite's attacks under a threat
 * model with per-example worst case and reliability flags, noise, corruptions and domain shift. Attack
 * directions come from the rebuilt TensorFlow graph; every reported prediction from DJL's Predictor.
 */
public final class RobustnessEvaluator {

    private RobustnessEvaluator() {
    }

    /**
     * The full suite described by {@code spec}.
     *
     * @param baselineModelDir reference model for the relative corruption error (mCE), or null
     * @param progress         hears of each step as it finishes
     */
    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec,
                                                 Path baselineModelDir, SuiteProgress progress) {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(progress, "progress");
        return RobustnessSuite.run(modelDir, test, spec, baselineModelDir, progress);
    }

    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec,
                                                 Path baselineModelDir) {
        return evaluateSuite(modelDir, test, spec, baselineModelDir, SuiteProgress.SILENT);
    }

    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec) {
        return evaluateSuite(modelDir, test, spec, null);
    }
}
