package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.metrics.Logits;
import dev.temper.engine.evaluation.reliability.ReliabilityChecks;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The attack section on a model seen in attack-space units: the plan's attacks in sequence at every
 * epsilon, then the reliability checks. Checks that need extra attack runs (convergence, epsilon 0, a large
 * epsilon, transfer) run on a seeded subset of at most {@value #CHECK_EXAMPLES} examples, which is enough to
 * see the gross failures they look for and keeps them a small share of the suite's cost.
 */
final class AttackSuiteRun {

    static final int CHECK_EXAMPLES = 1000;
    /** L-inf radius that lets every image in [0, 1] become the same grey image. */
    static final double ERASING_LINF = 0.5;

    private AttackSuiteRun() {
    }

    /**
     * @param target         the evaluated model, for gradients
     * @param judge          the evaluated model as served, which decides what counts as fooled
     * @param transferSource the base model in the same units, or null: its adversarial examples are tried too
     */
    record Subjects(AttackTarget target, Classifier judge, AttackTarget transferSource) {
    }

    /**
     * @param strip examples for a strip at the largest epsilon, in attack space (clean predictions beside them);
     *              null when none was asked for or no epsilon is above 0
     */
    record Outcome(List<EpsilonPoint> curve, SortedMap<String, SortedMap<Double, BitSet>> survived,
                   List<ReliabilityFlag> flags, Strip strip) {
    }

    /** What the attacks at the largest epsilon left for a strip. */
    record Strip(double epsilon, List<StripCollector.Candidate> picked, int[] cleanPredictions) {
    }

    static Outcome run(Subjects subjects, float[][] inputs, int[] labels, ThreatModel threat, AttackPlan plan,
                       boolean boxed, long seed, SuiteProgress progress) {
        return run(subjects, inputs, labels, threat, plan, boxed, seed, progress, false);
    }

    /** @param keepStrip whether to keep examples for a strip at the largest epsilon (images) */
    static Outcome run(Subjects subjects, float[][] inputs, int[] labels, ThreatModel threat, AttackPlan plan,
                       boolean boxed, long seed, SuiteProgress progress, boolean keepStrip) {
        float[][] cleanLogits = subjects.judge().logits(inputs);
        boolean[] cleanCorrect = Logits.correct(cleanLogits, labels);
        List<AttackStage> stages = plan.stages(inputs[0].length);
        List<SequentialAttacks.Measured> measured = new ArrayList<>();
        double largest = threat.epsilons().stream().mapToDouble(e -> e).max().orElse(0);
        StripCollector collector = keepStrip && largest > 0 ? new StripCollector() : null;
        for (double epsilon : threat.epsilons()) {
            measured.add(SequentialAttacks.measure(subjects.target(), subjects.judge(), stages, inputs, labels, epsilon,
                    cleanCorrect, progress, epsilon == largest ? collector : null));
        }
        Strip strip = collector == null ? null
                : new Strip(largest, collector.picked(), Logits.predictions(cleanLogits));
        long checksStart = System.nanoTime();
        List<EpsilonPoint> curve = measured.stream().map(SequentialAttacks.Measured::point).toList();
        List<ReliabilityFlag> flags = new ArrayList<>();
        Checks checks = new Checks(subjects, inputs, labels, cleanCorrect, plan, seed);
        ReliabilityChecks.randomized(cleanLogits, subjects.judge().logits(inputs)).ifPresent(flags::add);
        ReliabilityChecks.probabilities(cleanLogits).ifPresent(flags::add);
        ReliabilityChecks.zeroGradients(zeroGradientExamples(subjects.target(), inputs, labels), labels.length)
                .ifPresent(flags::add);
        for (SequentialAttacks.Measured point : measured) {
            ReliabilityChecks.gradientFreeStronger(point.point().epsilon(), point.gradientFreeExtra(), labels.length)
                    .ifPresent(flags::add);
        }
        ReliabilityChecks.notMonotone(curve).ifPresent(flags::add);
        flags.addAll(checks.epsilonZero(threat, curve, Accuracy.of(cleanCorrect)).stream().toList());
        if (boxed) {
            checks.largeEpsilon(threat.norm(), inputs[0].length).ifPresent(flags::add);
        }
        SequentialAttacks.Measured probe = closestToHalf(measured);
        if (probe != null) {
            checks.convergence(probe, stages.get(0)).ifPresent(flags::add);
            if (subjects.transferSource() != null) {
                checks.transfer(probe).ifPresent(flags::add);
            }
        }
        progress.finished(SuiteStep.since(checksStart, "reliability checks", flags.isEmpty() ? "no flags"
                : flags.stream().map(flag -> flag.check().name()).toList() + " flagged"));
        return new Outcome(curve, survivedBits(measured), flags, strip);
    }

    /** The epsilon whose robust accuracy is nearest 50%: where a weak attack shows most. */
    private static SequentialAttacks.Measured closestToHalf(List<SequentialAttacks.Measured> measured) {
        SequentialAttacks.Measured best = null;
        for (SequentialAttacks.Measured point : measured) {
            if (point.point().epsilon() > 0 && (best == null || Math.abs(point.point().worstCase().value() - 0.5)
                    < Math.abs(best.point().worstCase().value() - 0.5))) {
                best = point;
            }
        }
        return best;
    }

    private static int zeroGradientExamples(AttackTarget target, float[][] inputs, int[] labels) {
        int zero = 0;
        for (float[] row : target.lossGradient(inputs, labels)) {
            boolean allZero = true;
            for (float value : row) {
                allZero &= value == 0f;
            }
            if (allZero) {
                zero++;
            }
        }
        return zero;
    }

    private static SortedMap<String, SortedMap<Double, BitSet>> survivedBits(List<SequentialAttacks.Measured> measured) {
        SortedMap<String, SortedMap<Double, BitSet>> survived = new TreeMap<>();
        for (SequentialAttacks.Measured point : measured) {
            double epsilon = point.point().epsilon();
            point.survivedAfter().forEach((attack, mask) ->
                    survived.computeIfAbsent(attack, a -> new TreeMap<>()).put(epsilon, PerExampleOutcomes.bits(mask)));
            survived.computeIfAbsent(PerExampleOutcomes.WORST_CASE, a -> new TreeMap<>())
                    .put(epsilon, PerExampleOutcomes.bits(point.robust()));
        }
        return survived;
    }

    /** The checks that run attacks of their own, on one seeded subset of the examples. */
    private static final class Checks {

        private final Subjects subjects;
        private final int[] subset;
        private final float[][] inputs;
        private final int[] labels;
        private final boolean[] cleanCorrect;
        private final AttackPlan plan;

        Checks(Subjects subjects, float[][] allInputs, int[] allLabels, boolean[] allCleanCorrect, AttackPlan plan,
               long seed) {
            this.subjects = subjects;
            this.plan = plan;
            List<Integer> order = new ArrayList<>(IntStream.range(0, allLabels.length).boxed().toList());
            Collections.shuffle(order, new Random(seed ^ 0x5eed));
            subset = order.subList(0, Math.min(CHECK_EXAMPLES, order.size())).stream().mapToInt(i -> i).sorted()
                    .toArray();
            inputs = new float[subset.length][];
            labels = new int[subset.length];
            cleanCorrect = new boolean[subset.length];
            for (int s = 0; s < subset.length; s++) {
                inputs[s] = allInputs[subset[s]];
                labels[s] = allLabels[subset[s]];
                cleanCorrect[s] = allCleanCorrect[subset[s]];
            }
        }

        /** Uses the curve's own point at 0 when there is one; otherwise attacks with a zero budget. */
        Optional<ReliabilityFlag> epsilonZero(ThreatModel threat, List<EpsilonPoint> curve, Accuracy clean) {
            if (!curve.isEmpty() && curve.get(0).epsilon() == 0) {
                return ReliabilityChecks.epsilonZeroDiffers(curve.get(0).worstCase(), clean);
            }
            boolean[] held = survived(plan.quick(), subjects.target(), 0);
            return ReliabilityChecks.epsilonZeroDiffers(Accuracy.of(held), Accuracy.of(cleanCorrect));
        }

        /** L-inf 0.5, or the L2 radius that reaches the grey image from any image: 0.5 * sqrt(values). */
        Optional<ReliabilityFlag> largeEpsilon(Norm norm, int values) {
            double epsilon = norm == Norm.LINF ? ERASING_LINF : ERASING_LINF * Math.sqrt(values);
            boolean[] held = survived(plan.quick(), subjects.target(), epsilon);
            return ReliabilityChecks.largeEpsilonAboveChance(epsilon, Accuracy.of(held), largestClassShare());
        }

        Optional<ReliabilityFlag> convergence(SequentialAttacks.Measured probe, AttackStage lead) {
            double epsilon = probe.point().epsilon();
            boolean[] leadHeld = probe.survivedAfter().get(lead.name());
            boolean[] budget = new boolean[subset.length];
            for (int s = 0; s < subset.length; s++) {
                budget[s] = leadHeld[subset[s]];
            }
            boolean[] doubled = survived(plan.lead(2).attack(), subjects.target(), epsilon);
            return ReliabilityChecks.notConverged(epsilon, plan.leadIterations(), Accuracy.of(budget),
                    Accuracy.of(doubled));
        }

        Optional<ReliabilityFlag> transfer(SequentialAttacks.Measured probe) {
            double epsilon = probe.point().epsilon();
            boolean[] transferred = survived(plan.quick(), subjects.transferSource(), epsilon);
            int extra = 0;
            for (int s = 0; s < subset.length; s++) {
                if (probe.robust()[subset[s]] && !transferred[s]) {
                    extra++;
                }
            }
            return ReliabilityChecks.transferStronger(epsilon, extra, subset.length);
        }

        /** Correct clean and still correct, as the judge sees it, after {@code attack} searched on {@code source}. */
        private boolean[] survived(Attack attack, AttackTarget source, double epsilon) {
            float[][] adversarial = attack.perturb(source, inputs, labels, epsilon);
            boolean[] held = Logits.correct(subjects.judge().logits(adversarial), labels);
            for (int s = 0; s < held.length; s++) {
                held[s] &= cleanCorrect[s];
            }
            return held;
        }

        private double largestClassShare() {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (int label : labels) {
                counts.merge(label, 1, Integer::sum);
            }
            return counts.values().stream().mapToInt(c -> c).max().orElse(0) / (double) labels.length;
        }
    }
}
