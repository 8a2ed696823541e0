package dev.temper.evaluation;

import dev.temper.engine.evaluation.EvaluationSpec;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/** The robustness suite every evaluation job runs, from temper.evaluation.* in the configuration. */
@ConfigMapping(prefix = "temper.evaluation")
public interface EvaluationConfig {

    /** L-infinity strengths of FGSM, PGD and the gradient-free sentinel (standardized units for tables). */
    @WithDefault("0.1,0.3")
    List<@PositiveOrZero Double> attackEpsilons();

    @WithDefault("10")
    @Positive
    int pgdSteps();

    /** PGD step size as a multiple of epsilon. */
    @WithDefault("0.25")
    @Positive
    double pgdRelativeStepSize();

    @WithDefault("1")
    @Positive
    int pgdRestarts();

    /** Queries per example of the gradient-free attack that checks for gradient masking; 0 turns it off. */
    @WithDefault("100")
    @PositiveOrZero
    @Max(EvaluationSpec.MAX_SENTINEL_QUERIES)
    int sentinelQueries();

    @WithDefault("0.1,0.3")
    List<@PositiveOrZero Double> noiseSigmas();

    /** Test examples used at most (a seeded sample of larger test splits keeps evaluations bounded). */
    @WithDefault("2000")
    @Positive
    int maxExamples();

    @WithDefault("1234")
    long seed();

    /**
     * The suite as the engine runs it, sent to evaluation workers in their job spec. Tabular as configured:
     * the worker gives image models their shape and the corruptions ({@link EvaluationSpec#withImages}).
     */
    default EvaluationSpec settings() {
        int sentinelQueries = sentinelQueries();
        return new EvaluationSpec(attackEpsilons(), pgdSteps(), pgdRelativeStepSize(), pgdRestarts(),
                sentinelQueries > 0, sentinelQueries, noiseSigmas(), false, null, null, seed(), maxExamples());
    }
}
