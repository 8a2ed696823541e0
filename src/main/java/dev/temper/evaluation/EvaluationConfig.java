package dev.temper.evaluation;

import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/** The robustness suite every evaluation job runs, from temper.evaluation.* in the configuration. */
@ConfigMapping(prefix = "temper.evaluation")
public interface EvaluationConfig {

    /** Norm of the threat model: LINF or L2. */
    @WithDefault("LINF")
    Norm norm();

    /**
     * Attack radii in raw input units: pixels in [0, 1] for images, and for tables the unit the dataset
     * declares (train-split standard deviations unless it says raw units).
     */
    @WithDefault("0.1,0.3")
    List<@PositiveOrZero Double> attackEpsilons();

    /** STANDARD (AutoAttack's sequence) or QUICK (a preview for CI and drafts). */
    @WithDefault("STANDARD")
    SuiteVersion suite();

    /** Standard deviations of additive Gaussian noise, in the same units as the epsilons. */
    @WithDefault("0.1,0.3")
    List<@PositiveOrZero Double> noiseSigmas();

    /** Test examples used at most; 0 (the default) evaluates the whole test split. */
    @WithDefault("0")
    @PositiveOrZero
    int maxExamples();

    @WithDefault("1234")
    long seed();

    /** {@link #settings(EpsilonUnit)} for a table measured in train-split standard deviations. */
    default EvaluationSpec settings() {
        return settings(EpsilonUnit.TRAIN_STD);
    }

    /**
     * The suite as the engine runs it, sent to evaluation workers in their job spec, its epsilons in the dataset
     * version's unit: the worker gives images their shape and the corruptions ({@link EvaluationSpec#withImages})
     * and tables in TRAIN_STD the train split's deviations ({@link EvaluationSpec#withTrainStd}).
     */
    default EvaluationSpec settings(EpsilonUnit unit) {
        return new EvaluationSpec(new ThreatModel(norm(), attackEpsilons(), unit), suite(),
                noiseSigmas(), false, null, null, null, seed(), maxExamples());
    }
}
