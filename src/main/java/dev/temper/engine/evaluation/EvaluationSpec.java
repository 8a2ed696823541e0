package dev.temper.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.List;

/**
 * What a full robustness evaluation runs. Attack epsilons are in standardized feature units for tabular
 * data and in raw pixel units (inputs kept in [0, 1]) when an image shape is given; noise sigmas are in
 * standardized units. The shifted test set is carried here for convenience but left out of the JSON report.
 *
 * @param attackEpsilons      L-infinity radii for FGSM, PGD and the sentinel; empty skips attacks
 * @param pgdSteps            PGD steps per restart
 * @param pgdRelativeStepSize PGD step as a multiple of epsilon
 * @param pgdRestarts         PGD random restarts
 * @param sentinel            run the gradient-free attack and zero-gradient check
 * @param sentinelQueries     model queries per example for the gradient-free attack
 * @param noiseSigmas         standard deviations of additive Gaussian noise
 * @param corruptions         run the image corruptions (needs imageShape, raw inputs in [0, 1])
 * @param imageShape          shape of one input row as an image, or null for tabular data
 * @param shiftedTest         a second, distribution-shifted test set, or null
 * @param seed                seeds subsampling, PGD starts, the sentinel, noise and corruptions
 * @param maxExamples         at most this many test examples, drawn with the seed
 */
public record EvaluationSpec(List<Double> attackEpsilons, int pgdSteps, double pgdRelativeStepSize, int pgdRestarts,
                             boolean sentinel, int sentinelQueries, List<Double> noiseSigmas, boolean corruptions,
                             ImageShape imageShape, @JsonIgnore TabularData shiftedTest, long seed,
                             int maxExamples) {

    /** Hard cap that keeps a job's attack cost bounded: queries x examples x epsilons. */
    public static final int MAX_SENTINEL_QUERIES = 10_000;

    public EvaluationSpec {
        attackEpsilons = checkedNonNegative(attackEpsilons, "attackEpsilons");
        noiseSigmas = checkedNonNegative(noiseSigmas, "noiseSigmas");
        if (pgdSteps < 1 || pgdRestarts < 1) {
            throw new IllegalArgumentException("pgdSteps and pgdRestarts must be >= 1, got " + pgdSteps
                    + " and " + pgdRestarts);
        }
        if (!Double.isFinite(pgdRelativeStepSize) || pgdRelativeStepSize <= 0) {
            throw new IllegalArgumentException("pgdRelativeStepSize must be finite and > 0, got " + pgdRelativeStepSize);
        }
        if (sentinel && (sentinelQueries < 1 || sentinelQueries > MAX_SENTINEL_QUERIES)) {
            throw new IllegalArgumentException("sentinelQueries must be in 1.." + MAX_SENTINEL_QUERIES
                    + " when the sentinel is on, got " + sentinelQueries);
        }
        if (sentinel && attackEpsilons.isEmpty()) {
            throw new IllegalArgumentException("the sentinel compares against gradient attacks: give attackEpsilons");
        }
        if (corruptions && imageShape == null) {
            throw new IllegalArgumentException("corruptions apply to images only: give imageShape (height, width, channels)");
        }
        if (maxExamples < 1) {
            throw new IllegalArgumentException("maxExamples must be >= 1, got " + maxExamples);
        }
    }

    /** A quick, complete tabular evaluation: FGSM+PGD(10 steps, 1 restart), sentinel with 100 queries, noise. */
    public static EvaluationSpec defaults() {
        return new EvaluationSpec(List.of(0.0, 0.1, 0.25, 0.5), 10, 0.25, 1, true, 100, List.of(0.1, 0.5, 1.0),
                false, null, null, 0, 1000);
    }

    public EvaluationSpec withShiftedTest(TabularData shifted) {
        return new EvaluationSpec(attackEpsilons, pgdSteps, pgdRelativeStepSize, pgdRestarts, sentinel,
                sentinelQueries, noiseSigmas, corruptions, imageShape, shifted, seed, maxExamples);
    }

    public EvaluationSpec withImages(ImageShape shape) {
        return new EvaluationSpec(attackEpsilons, pgdSteps, pgdRelativeStepSize, pgdRestarts, sentinel,
                sentinelQueries, noiseSigmas, true, shape, shiftedTest, seed, maxExamples);
    }

    PgdSettings pgd() {
        return new PgdSettings(pgdSteps, pgdRelativeStepSize, pgdRestarts);
    }

    private static List<Double> checkedNonNegative(List<Double> values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null (use an empty list to skip)");
        }
        for (Double value : values) {
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException(name + " must all be finite and >= 0, got " + values);
            }
        }
        return List.copyOf(values);
    }
}
