package dev.temper.evaluation;

import dev.temper.contract.OverlapCheck;
import dev.temper.engine.evaluation.metrics.WilsonInterval;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation shows a reviewer: the headline numbers and curves from the checked row, and from the
 * engine's report what the server could verify against the row (reliability diagram, confusion matrix, per-class
 * scores derived from it, corruptions, noise, the attacks' parameters). A section of the report that is missing or
 * does not add up is left out and named in {@code notShown} with the reason, never shown as it came.
 *
 * @param curves   per attack (cumulative, in the suite's order of names) and {@code worst-case}, accuracy per epsilon
 * @param notShown sections of the report that were left out, each with why
 */
public record EvaluationEvidence(long evaluationId, long modelVersionId, String modelVersion, String baseVersion,
        long datasetVersionId, String datasetVersion, int examples, Integer testExamples, int excludedOverlap,
        OverlapCheck overlapCheck, Estimate clean, Double expectedCalibrationError, Double negativeLogLikelihood,
        Threat threatModel, String suite, List<Curve> curves, List<Bin> reliabilityDiagram, Confusion confusion,
        List<ClassScores> perClass, List<CorruptionRow> corruptions, Double meanCorruptionAccuracy,
        Double meanCorruptionError, List<NoisePoint> noise, Provenance provenance, boolean reliable,
        List<ExplainedFlag> flags, List<String> notShown, Instant createdAt) {

    /** A share of examples with its 95% Wilson interval, recomputed from the counts when they are known. */
    public record Estimate(double value, Double lower, Double upper, Integer correct, Integer examples) {

        static Estimate of(int correct, int examples) {
            WilsonInterval ci = WilsonInterval.of95(correct, examples);
            return new Estimate(correct / (double) examples, ci.lower(), ci.upper(), correct, examples);
        }
    }

    /** @param description the engine's words, e.g. "L-inf, epsilon 0.1 in pixel intensity, images in [0, 1]" */
    public record Threat(String norm, String unit, List<Double> epsilons, String description) {
    }

    public record Curve(String attack, List<CurvePoint> points) {
    }

    public record CurvePoint(double epsilon, Estimate accuracy) {
    }

    /** One bar of the reliability diagram: examples whose top-class confidence lies in (lower, upper]. */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    /** counts[true class][predicted class]; classes named as the dataset version names them. */
    public record Confusion(List<String> classes, int[][] counts) {
    }

    public record ClassScores(int classIndex, String name, int support, double precision, double recall, double f1) {
    }

    /** @param relativeError corruption error relative to the base model's (CE); null without a base */
    public record CorruptionRow(String type, List<Estimate> bySeverity, double meanAccuracy, Double relativeError) {
    }

    /** Accuracy under additive Gaussian noise of this standard deviation, in the threat model's unit. */
    public record NoisePoint(double sigma, Estimate accuracy) {
    }

    /** What reproduces the evaluation; report fields the server could not read are null. */
    public record Provenance(String modelSha256, String datasetSha256, String perExampleSha256, Long seed,
            String engineVersion, String tensorflowVersion, String djlVersion, String suite, String threatModel,
            List<AttackRun> attacks, Long corruptionSeed, Long noiseSeed, long jobId) {
    }

    /** An attack as it ran: its name and parameters, e.g. {"iterations": 100, "restarts": 1}. */
    public record AttackRun(String name, Map<String, Object> parameters) {
    }

    /**
     * @param meaning  what the check's firing means in general; null for a check this server does not know
     * @param evidence the numbers the engine gave for this evaluation
     */
    public record ExplainedFlag(String check, String meaning, String evidence) {
    }
}
