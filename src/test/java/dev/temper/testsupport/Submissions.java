package dev.temper.testsupport;

import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.EvaluationSubmission.Overlap;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.RobustPoint;
import dev.temper.engine.evaluation.PerExampleOutcomes;
import dev.temper.engine.evaluation.metrics.WilsonInterval;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluation reports as a worker would send them, consistent in every number the server checks: a table in
 * train-split deviations, one epsilon (0.1), one attack ("pgd") and the worst case, whose first {@code robust}
 * examples survive, of which the first {@code clean} are right clean. Tests change one thing to make them bad.
 */
public record Submissions(int[] positions, int testCount, OverlapCheck check, int excluded, int clean, int robust,
        List<Flag> flags) {

    public static final double EPSILON = 0.1;
    public static final String ATTACK = "pgd";

    public static Submissions of(int examples, int testCount, OverlapCheck check) {
        int[] positions = new int[examples];
        for (int i = 0; i < examples; i++) {
            positions[i] = i;
        }
        return new Submissions(positions, testCount, check, 0, examples * 3 / 4, examples / 2, List.of());
    }

    public Submissions withCounts(int cleanCorrect, int robustCorrect) {
        return new Submissions(positions, testCount, check, excluded, cleanCorrect, robustCorrect, flags);
    }

    public Submissions withFlags(List<Flag> newFlags) {
        return new Submissions(positions, testCount, check, excluded, clean, robust, newFlags);
    }

    public Submissions withOverlap(OverlapCheck newCheck, int newExcluded, int[] newPositions) {
        return new Submissions(newPositions, testCount, newCheck, newExcluded, clean, robust, flags);
    }

    public PerExampleOutcomes outcomes() {
        int n = positions.length;
        BitSet survived = new BitSet(n);
        survived.set(0, robust);
        BitSet right = new BitSet(n);
        right.set(0, clean);
        Map<String, java.util.SortedMap<Double, BitSet>> byAttack = new TreeMap<>();
        byAttack.put(ATTACK, new TreeMap<>(Map.of(EPSILON, survived)));
        byAttack.put(PerExampleOutcomes.WORST_CASE, new TreeMap<>(Map.of(EPSILON, survived)));
        return new PerExampleOutcomes(n, positions, right, new TreeMap<>(byAttack));
    }

    public List<RobustPoint> points() {
        List<RobustPoint> points = new ArrayList<>();
        points.add(point(RobustPoint.WORST_CASE));
        points.add(point(ATTACK));
        return points;
    }

    private RobustPoint point(String attack) {
        int n = positions.length;
        WilsonInterval ci = WilsonInterval.of95(robust, n);
        return new RobustPoint(attack, EPSILON, robust / (double) n, ci.lower(), ci.upper(), robust, n);
    }

    public EvaluationSubmission build() {
        return build(points(), Base64.getEncoder().encodeToString(outcomes().encode()));
    }

    public EvaluationSubmission build(List<RobustPoint> points, String perExample) {
        return build(points, perExample, new Threat("LINF", "TRAIN_STD", List.of(EPSILON),
                "L-inf, epsilon 0.1 in standard deviations of each feature on the train split"));
    }

    public EvaluationSubmission build(List<RobustPoint> points, String perExample, Threat threat) {
        int n = positions.length;
        WilsonInterval ci = WilsonInterval.of95(clean, n);
        return new EvaluationSubmission(n, clean / (double) n, ci.lower(), ci.upper(), 0.05, 0.4, threat, "QUICK",
                points, flags, flags.isEmpty(), new Overlap(check, excluded, testCount), perExample, null,
                null, "ab".repeat(32), "TensorFlow test, DJL test", "{}");
    }
}
