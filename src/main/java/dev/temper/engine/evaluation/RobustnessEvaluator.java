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
     */
    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec,
                                                 Path baselineModelDir) {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(spec, "spec");
        return RobustnessSuite.run(modelDir, test, spec, baselineModelDir);
    }

    public static RobustnessReport evaluateSuite(Path modelDir, TabularData test, EvaluationSpec spec) {
        return evaluateSuite(modelDir, test, spec, null);
    }
}
