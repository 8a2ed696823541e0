package dev.temper.evaluation;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.EvaluationSubmission.Overlap;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.RobustPoint;
import dev.temper.engine.evaluation.PerExampleOutcomes;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * What the server verifies of an evaluation worker's report before anything of it is stored: it trusts no claim
 * it can check. Counts fit the dataset version's test split, accuracies are fractions of their counts inside their
 * intervals, the threat model is the one the version declares, the reliability verdict matches its flags, the
 * overlap check is the one this model and version allow, and the per-example outcomes decode and agree with the
 * counts. Any failure refuses the whole report with a 400 naming the field.
 */
final class SubmissionCheck {

    static final int MAX_EPSILONS = ThreatModel.MAX_EPSILONS;
    static final int MAX_ATTACKS = 16;
    static final int MAX_FLAGS = 32;
    static final int MAX_NAME_LENGTH = 40;
    static final int MAX_REASON_LENGTH = 1000;
    static final int MAX_DESCRIPTION_LENGTH = 300;
    static final int MAX_ENGINE_VERSION_LENGTH = 120;
    /** Counts divide exactly; this only absorbs the double's rounding. */
    private static final double TOLERANCE = 1e-9;

    private SubmissionCheck() {
    }

    /**
     * What the server itself knows of the job: the version's test split, its unit, the possible overlap check, and
     * for images their shape (null for a table) and the number of classes.
     */
    record Expected(int testCount, EpsilonUnit unit, OverlapCheck overlap, List<Integer> imageShape, int classCount) {

        /** A table's. */
        Expected(int testCount, EpsilonUnit unit, OverlapCheck overlap) {
            this(testCount, unit, overlap, null, 0);
        }
    }

    /**
     * A report that passed, with its per-example outcomes decoded.
     *
     * @param strip the strip of adversarial examples as sent (checked), or null when there is none
     */
    record Checked(EvaluationSubmission submission, byte[] perExample, PerExampleOutcomes outcomes, byte[] strip) {
    }

    static Checked check(EvaluationSubmission s, Expected expected) {
        if (s == null) {
            throw refuse("The request has no body");
        }
        Overlap overlap = checkOverlap(s.overlap(), expected);
        int examples = s.examples();
        if (examples < 1 || examples > expected.testCount() - overlap.excluded()) {
            throw refuse("examples: " + examples + " is not between 1 and the " + expected.testCount()
                    + " test examples less the " + overlap.excluded() + " excluded");
        }
        fraction("cleanAccuracy", s.cleanAccuracy());
        interval("clean", s.cleanAccuracy(), s.cleanLower(), s.cleanUpper());
        fraction("expectedCalibrationError", s.expectedCalibrationError());
        if (!Double.isFinite(s.negativeLogLikelihood()) || s.negativeLogLikelihood() < 0) {
            throw refuse("negativeLogLikelihood: must be finite and >= 0");
        }
        if (s.meanCorruptionAccuracy() != null) {
            fraction("meanCorruptionAccuracy", s.meanCorruptionAccuracy());
        }
        if (s.meanCorruptionError() != null
                && (!Double.isFinite(s.meanCorruptionError()) || s.meanCorruptionError() < 0)) {
            throw refuse("meanCorruptionError: must be finite and >= 0");
        }
        if (s.modelSha256() == null || !s.modelSha256().matches("[0-9a-f]{64}")) {
            throw refuse("modelSha256: 64 lower-case hex digits");
        }
        printable("engineVersion", s.engineVersion(), MAX_ENGINE_VERSION_LENGTH);
        if (s.reportJson() != null && s.reportJson().length() > ReportEvidence.MAX_REPORT_CHARS) {
            throw refuse("reportJson: longer than " + ReportEvidence.MAX_REPORT_CHARS + " characters");
        }
        Set<Double> epsilons = checkThreat(s.threatModel(), expected);
        try {
            SuiteVersion.valueOf(String.valueOf(s.suite()));
        } catch (IllegalArgumentException e) {
            throw refuse("suite: '" + s.suite() + "' is not a suite version");
        }
        checkRobust(s.robust(), epsilons, examples);
        checkFlags(s.flags(), s.reliable());
        byte[] bytes = decodeBase64(s.perExampleOutcomes());
        PerExampleOutcomes outcomes;
        try {
            outcomes = PerExampleOutcomes.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw refuse("perExampleOutcomes: " + e.getMessage());
        }
        checkOutcomes(outcomes, s);
        checkPositions(outcomes.positions(), expected.testCount());
        byte[] strip = StripCheck.check(s, outcomes, expected.imageShape(), expected.classCount(),
                expected.testCount());
        return new Checked(s, bytes, outcomes, strip);
    }

    private static Overlap checkOverlap(Overlap overlap, Expected expected) {
        if (overlap == null || overlap.check() == null) {
            throw refuse("overlap: say which check against the model's training data was made");
        }
        if (overlap.check() != expected.overlap()) {
            throw refuse("overlap.check: this model and dataset version allow " + expected.overlap() + ", not "
                    + overlap.check());
        }
        if (overlap.testExamples() != expected.testCount()) {
            throw refuse("overlap.testExamples: the dataset version has " + expected.testCount() + " test examples, not "
                    + overlap.testExamples());
        }
        if (overlap.excluded() < 0 || overlap.excluded() > expected.testCount()
                || overlap.excluded() > 0 && overlap.check() != OverlapCheck.CHECKED) {
            throw refuse("overlap.excluded: " + overlap.excluded() + " is impossible for a " + overlap.check()
                    + " check of " + expected.testCount() + " test examples");
        }
        return overlap;
    }

    private static Set<Double> checkThreat(Threat threat, Expected expected) {
        if (threat == null) {
            throw refuse("threatModel: missing");
        }
        try {
            Norm.valueOf(String.valueOf(threat.norm()));
        } catch (IllegalArgumentException e) {
            throw refuse("threatModel.norm: '" + threat.norm() + "' is not LINF or L2");
        }
        if (!expected.unit().name().equals(threat.unit())) {
            throw refuse("threatModel.unit: this dataset version measures epsilon in " + expected.unit() + ", not "
                    + threat.unit());
        }
        List<Double> epsilons = threat.epsilons();
        if (epsilons == null || epsilons.size() > MAX_EPSILONS) {
            throw refuse("threatModel.epsilons: give at most " + MAX_EPSILONS + " epsilons");
        }
        Set<Double> distinct = new HashSet<>();
        for (Double epsilon : epsilons) {
            if (epsilon == null || !Double.isFinite(epsilon) || epsilon < 0 || !distinct.add(epsilon)) {
                throw refuse("threatModel.epsilons: each must be finite, >= 0 and given once, not " + epsilons);
            }
        }
        printable("threatModel.description", threat.description(), MAX_DESCRIPTION_LENGTH);
        return distinct;
    }

    private static void checkRobust(List<RobustPoint> robust, Set<Double> epsilons, int examples) {
        if (robust == null) {
            throw refuse("robust: missing (an empty list when no attack ran)");
        }
        if (robust.size() > MAX_EPSILONS * (MAX_ATTACKS + 1)) {
            throw refuse("robust: too many points (" + robust.size() + ")");
        }
        Set<String> attacks = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Map<Double, Integer> worstCase = new HashMap<>();
        for (RobustPoint point : robust) {
            if (point == null) {
                throw refuse("robust: a point is missing");
            }
            String at = "robust[" + point.attack() + " at " + point.epsilon() + "]";
            printable("robust.attack", point.attack(), MAX_NAME_LENGTH);
            if (!epsilons.contains(point.epsilon())) {
                throw refuse(at + ": epsilon is not one of the threat model's");
            }
            if (!seen.add(point.attack() + "@" + point.epsilon())) {
                throw refuse(at + ": given twice");
            }
            if (!point.attack().equals(RobustPoint.WORST_CASE)) {
                attacks.add(point.attack());
            } else {
                worstCase.put(point.epsilon(), point.correct());
            }
            if (point.examples() != examples) {
                throw refuse(at + ": counts " + point.examples() + " examples, the evaluation " + examples);
            }
            if (point.correct() < 0 || point.correct() > point.examples()) {
                throw refuse(at + ": correct must be between 0 and " + point.examples());
            }
            fraction(at + ".accuracy", point.accuracy());
            if (Math.abs(point.accuracy() - point.correct() / (double) point.examples()) > TOLERANCE) {
                throw refuse(at + ": accuracy " + point.accuracy() + " is not " + point.correct() + "/" + point.examples());
            }
            interval(at, point.accuracy(), point.lower(), point.upper());
        }
        if (attacks.size() > MAX_ATTACKS) {
            throw refuse("robust: at most " + MAX_ATTACKS + " attacks, got " + attacks.size());
        }
        for (RobustPoint point : robust) {
            Integer worst = worstCase.get(point.epsilon());
            if (worst != null && worst > point.correct()) {
                throw refuse("robust[" + point.attack() + " at " + point.epsilon() + "]: the worst case over all "
                        + "attacks cannot hold more examples than one attack does");
            }
        }
    }

    private static void checkFlags(List<Flag> flags, boolean reliable) {
        if (flags == null || flags.size() > MAX_FLAGS) {
            throw refuse("flags: give the reliability checks that fired, at most " + MAX_FLAGS);
        }
        for (Flag flag : flags) {
            if (flag == null) {
                throw refuse("flags: a flag is missing");
            }
            printable("flags.check", flag.check(), MAX_NAME_LENGTH);
            if (flag.reason() == null || flag.reason().isBlank() || flag.reason().length() > MAX_REASON_LENGTH
                    || flag.reason().chars().anyMatch(Character::isISOControl)) {
                throw refuse("flags.reason: a reason in words, at most " + MAX_REASON_LENGTH + " characters");
            }
        }
        if (reliable != flags.isEmpty()) {
            throw refuse("reliable: an evaluation is reliable exactly when no reliability check fired ("
                    + flags.size() + " fired)");
        }
    }

    /** Decoding already made the positions ascending and distinct; they must also lie in the test split. */
    private static void checkPositions(int[] positions, int testCount) {
        if (positions.length > 0 && positions[positions.length - 1] >= testCount) {
            throw refuse("perExampleOutcomes: position " + positions[positions.length - 1]
                    + " lies outside a test split of " + testCount);
        }
    }

    private static byte[] decodeBase64(String encoded) {
        if (encoded == null) {
            throw refuse("perExampleOutcomes: missing");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw refuse("perExampleOutcomes: not base64");
        }
    }

    /** The bits must tell the same story as the numbers: as many examples, as many correct per point. */
    private static void checkOutcomes(PerExampleOutcomes outcomes, EvaluationSubmission s) {
        if (outcomes.examples() != s.examples()) {
            throw refuse("perExampleOutcomes: " + outcomes.examples() + " examples, the evaluation has " + s.examples());
        }
        if (Math.abs(outcomes.clean().cardinality() - s.cleanAccuracy() * s.examples()) > 1e-6 * s.examples() + 1e-9) {
            throw refuse("perExampleOutcomes: " + outcomes.clean().cardinality() + " examples correct clean, but clean "
                    + "accuracy is " + s.cleanAccuracy());
        }
        for (RobustPoint point : s.robust()) {
            String name = point.attack().equals(RobustPoint.WORST_CASE) ? PerExampleOutcomes.WORST_CASE : point.attack();
            SortedMap<Double, BitSet> byEpsilon = outcomes.survived().get(name);
            BitSet bits = byEpsilon == null ? null : byEpsilon.get(point.epsilon());
            if (bits != null && bits.cardinality() != point.correct()) {
                throw refuse("perExampleOutcomes: " + bits.cardinality() + " examples survive " + point.attack() + " at "
                        + point.epsilon() + ", the point says " + point.correct());
            }
        }
    }

    private static void fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw refuse(field + ": " + value + " is not in [0, 1]");
        }
    }

    private static void interval(String field, double value, double lower, double upper) {
        fraction(field + ".lower", lower);
        fraction(field + ".upper", upper);
        if (!(lower <= value + TOLERANCE && value <= upper + TOLERANCE)) {
            throw refuse(field + ": the interval [" + lower + ", " + upper + "] does not contain " + value);
        }
    }

    /** Short names from printable ASCII: they become column values and UI text. */
    private static void printable(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength
                || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw refuse(field + ": printable text of at most " + maxLength + " characters");
        }
    }

    private static ProblemException refuse(String detail) {
        return ProblemException.badRequest("Evaluation refused: " + detail);
    }
}
