package dev.temper.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.util.List;

/**
 * What a full robustness evaluation runs. Epsilons and noise sigmas are in the threat model's unit of raw
 * input, whatever the model's own standardisation. The shifted test set and the train split's feature
 * scale are carried for the run but left out of the JSON report.
 *
 * @param threatModel norm, epsilons and their unit; no epsilons skips the attacks
 * @param suite       which attack sequence measures robust accuracy
 * @param noiseSigmas standard deviations of additive Gaussian noise, in the threat model's unit
 * @param corruptions run the image corruptions (needs imageShape, raw inputs in [0, 1])
 * @param imageShape  shape of one input row as an image, or null for tabular data
 * @param shiftedTest a second, distribution-shifted test set, or null
 * @param trainStd    per-feature standard deviation of the train split; needed when the unit is TRAIN_STD
 * @param seed        seeds subsampling, attack starts, noise and corruptions
 * @param maxExamples at most this many test examples, drawn with the seed; 0 = the whole test split
 */
public record EvaluationSpec(ThreatModel threatModel, SuiteVersion suite, List<Double> noiseSigmas,
                             boolean corruptions, ImageShape imageShape, @JsonIgnore TabularData shiftedTest,
                             @JsonIgnore float[] trainStd, long seed, int maxExamples) {

    /** Marks "every example of the test split" in {@link #maxExamples}. */
    public static final int WHOLE_SPLIT = 0;

    public EvaluationSpec {
        if (threatModel == null || suite == null) {
            throw new IllegalArgumentException("an evaluation needs a threat model and a suite version");
        }
        if (noiseSigmas == null) {
            throw new IllegalArgumentException("noiseSigmas must not be null (use an empty list to skip)");
        }
        for (Double sigma : noiseSigmas) {
            if (sigma == null || !Double.isFinite(sigma) || sigma < 0) {
                throw new IllegalArgumentException("noiseSigmas must all be finite and >= 0, got " + noiseSigmas);
            }
        }
        noiseSigmas = List.copyOf(noiseSigmas);
        if (corruptions && imageShape == null) {
            throw new IllegalArgumentException("corruptions apply to images only: give imageShape (height, width, channels)");
        }
        if (imageShape != null && threatModel.unit() != EpsilonUnit.PIXELS) {
            throw new IllegalArgumentException("images are attacked in pixel units, not " + threatModel.unit());
        }
        if (maxExamples < 0) {
            throw new IllegalArgumentException("maxExamples must be >= 0 (0 = the whole test split), got " + maxExamples);
        }
    }

    /** The standard suite on the whole test split at L-inf radii in train-split standard deviations. */
    public static EvaluationSpec tabular(List<Double> epsilons) {
        return new EvaluationSpec(new ThreatModel(Norm.LINF, epsilons,
                EpsilonUnit.TRAIN_STD), SuiteVersion.STANDARD, List.of(0.1, 0.5), false, null, null, null, 0,
                WHOLE_SPLIT);
    }

    public EvaluationSpec withShiftedTest(TabularData shifted) {
        return new EvaluationSpec(threatModel, suite, noiseSigmas, corruptions, imageShape, shifted, trainStd, seed,
                maxExamples);
    }

    /** Images: attacked in pixels inside [0, 1], and also met with the common corruptions. */
    public EvaluationSpec withImages(ImageShape shape) {
        ThreatModel pixels = new ThreatModel(threatModel.norm(), threatModel.epsilons(), EpsilonUnit.PIXELS);
        return new EvaluationSpec(pixels, suite, noiseSigmas, true, shape, shiftedTest, trainStd, seed, maxExamples);
    }

    public EvaluationSpec withTrainStd(float[] std) {
        return new EvaluationSpec(threatModel, suite, noiseSigmas, corruptions, imageShape, shiftedTest,
                std == null ? null : std.clone(), seed, maxExamples);
    }

    public EvaluationSpec withSuite(SuiteVersion version) {
        return new EvaluationSpec(threatModel, version, noiseSigmas, corruptions, imageShape, shiftedTest, trainStd,
                seed, maxExamples);
    }

    public EvaluationSpec withMaxExamples(int max) {
        return new EvaluationSpec(threatModel, suite, noiseSigmas, corruptions, imageShape, shiftedTest, trainStd,
                seed, max);
    }

    public EvaluationSpec withSeed(long newSeed) {
        return new EvaluationSpec(threatModel, suite, noiseSigmas, corruptions, imageShape, shiftedTest, trainStd,
                newSeed, maxExamples);
    }
}
