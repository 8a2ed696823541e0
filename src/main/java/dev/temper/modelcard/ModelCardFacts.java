package dev.temper.modelcard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything a model card says, taken from Temper's records: the registry's version and lineage, the training
 * job's settings, the evaluation results and their reports, and the approval request. The only words a person
 * wrote are the intended use, quoted as the requester entered it. Plain records, so rendering is tested from
 * fixtures without a database.
 *
 * @param evaluationsTotal all evaluations of the version; the card lists the newest {@code evaluations}
 * @param approval         the approval that froze the card, or null for a card rendered live
 */
public record ModelCardFacts(Details details, IntendedUse intendedUse, Approval approval, DataFacts trainingData,
        List<String> trainingRecipe, Adversarial adversarial, List<EvaluationFacts> evaluations,
        long evaluationsTotal, Instant generatedAt) {

    public ModelCardFacts {
        trainingRecipe = List.copyOf(trainingRecipe);
        evaluations = List.copyOf(evaluations);
    }

    /** @param base the base version's label ("name v2"), or null for a version trained from scratch */
    public record Details(String team, String name, int version, String sha256, String architecture,
            List<String> classes, String createdBy, Instant createdAt, long jobId, String base) {

        public String label() {
            return name + " v" + version;
        }
    }

    /**
     * What the requester of an approval stated for the card.
     *
     * @param text    the intended use, or null if only caveats were stated
     * @param caveats what the version must not be trusted with, or null
     */
    public record IntendedUse(String text, String caveats, String statedBy, Instant statedAt, long requestId) {
    }

    public record Approval(long requestId, String alias, String decidedBy, Instant decidedAt) {
    }

    /**
     * A dataset version as a card describes it.
     *
     * @param epsilonUnit what one unit of epsilon means on this data
     * @param origin      "upload" or the operation and parent it was derived by
     */
    public record DataFacts(String team, String name, int version, String sha256, String kind, List<Integer> shape,
            int trainCount, int validationCount, int testCount, List<String> classes, String epsilonUnit,
            String origin) {

        public String label() {
            return name + " v" + version;
        }
    }

    /** The adversarial-training recipe: its sentence and its settings as numbers. */
    public record Adversarial(String recipe, String method, Map<String, Object> settings) {
    }

    /** An accuracy with its 95% Wilson interval and counts; interval and counts are null on old rows. */
    public record Estimate(double value, Double lower, Double upper, Integer correct, Integer examples) {
    }

    public record Attack(String name, Map<String, Object> parameters) {
    }

    /** @param bySeverity accuracy at severities 1 to 5 */
    public record Corruption(String type, double meanAccuracy, List<Double> bySeverity, Double relativeError) {
    }

    public record Flag(String check, String reason) {
    }

    /**
     * The base version measured on the same dataset version, to set the fine-tuned numbers against.
     *
     * @param pairing the paired per-example tests against the base, or why there are none
     */
    public record BaseComparison(String baseLabel, Estimate clean, SortedMap<Double, Estimate> worstCase,
            String threatModel, Pairing pairing) {
    }

    /**
     * McNemar's exact tests of this version against its base on the same test examples.
     *
     * @param tests       clean inputs first, then each epsilon both measured; empty when they cannot be paired
     * @param unavailable why there are no tests (no per-example outcomes, other examples, ...), or null
     */
    public record Pairing(List<PairedTest> tests, String unavailable) {

        public Pairing {
            tests = List.copyOf(tests);
        }

        public static Pairing unavailable(String reason) {
            return new Pairing(List.of(), reason);
        }
    }

    /**
     * One paired test: right on clean inputs ({@code epsilon} null) or surviving every attack at one epsilon.
     *
     * @param n01      examples the base gets wrong and this version right
     * @param n10      examples the base gets right and this version wrong
     * @param pValue   McNemar's exact two-sided p-value on n01 and n10
     * @param sentence the verdict in words
     */
    public record PairedTest(Double epsilon, int examples, int n01, int n10, double pValue, String sentence) {
    }

    /**
     * One evaluation of the version on one dataset version's test split.
     *
     * @param norm       LINF or L2; null on rows recorded before threat models were
     * @param unit       PIXELS, TRAIN_STD or RAW_FEATURES
     * @param worstCase  per epsilon, the accuracy under the per-example worst case over the suite's attacks
     * @param byAttack   per attack and epsilon
     * @param base       the base version's result on the same dataset version, or null
     */
    public record EvaluationFacts(long id, DataFacts dataset, int examples, Integer testExamples,
            int excludedOverlap, String overlapCheck, Estimate clean, Double expectedCalibrationError,
            Double negativeLogLikelihood, String norm, String unit, String threatModel, String suite,
            SortedMap<Double, Estimate> worstCase, SortedMap<String, SortedMap<Double, Estimate>> byAttack,
            List<Attack> attacks, List<Corruption> corruptions, Double meanCorruptionAccuracy,
            Double meanCorruptionError, boolean reliable, List<Flag> flags, String modelSha256,
            String engineVersion, Long seed, Instant recordedAt, BaseComparison base) {

        public EvaluationFacts {
            attacks = List.copyOf(attacks);
            corruptions = List.copyOf(corruptions);
            flags = List.copyOf(flags);
        }
    }
}
