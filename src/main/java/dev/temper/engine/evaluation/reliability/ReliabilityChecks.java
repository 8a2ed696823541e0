package dev.temper.engine.evaluation.reliability;

import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.metrics.Accuracy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reliability checks as pure functions of measured evidence, each returning a flag with its numbers
 * when it fires. Thresholds follow AutoAttack's checks where it has one (0.2 points for the gradient-free
 * attack) and Carlini et al.'s checklist otherwise; one example is always tolerated, so that a single
 * borderline example cannot mark a large evaluation unreliable.
 */
public final class ReliabilityChecks {

    /** Share of examples a gradient-free or transfer attack may fool beyond the white-box ones: 0.2 points. */
    public static final double EXTRA_FOOLED_SHARE = 0.002;
    /** How much doubling the iterations may lower robust accuracy before the budget counts as too small. */
    public static final double CONVERGENCE_POINTS = 0.01;
    /** Relative difference between two passes' logits that counts as a different output. */
    static final double REPEAT_TOLERANCE = 1e-4;

    private ReliabilityChecks() {
    }

    public static Optional<ReliabilityFlag> randomized(float[][] firstPass, float[][] secondPass) {
        int differing = 0;
        double largest = 0;
        for (int i = 0; i < firstPass.length; i++) {
            for (int k = 0; k < firstPass[i].length; k++) {
                double difference = Math.abs(firstPass[i][k] - secondPass[i][k]);
                double scale = Math.max(1, Math.abs(firstPass[i][k]));
                if (difference > REPEAT_TOLERANCE * scale) {
                    differing++;
                    largest = Math.max(largest, difference);
                    break;
                }
            }
        }
        return differing == 0 ? Optional.empty() : flag(ReliabilityFlag.Check.RANDOMIZED_OUTPUTS, differing + " of "
                + firstPass.length + " examples got different outputs in two identical passes (largest difference "
                + format(largest) + ")");
    }

    /** Rows that are non-negative and sum to 1 look like softmax probabilities, not logits. */
    public static Optional<ReliabilityFlag> probabilities(float[][] outputs) {
        int probabilityRows = 0;
        for (float[] row : outputs) {
            double sum = 0;
            boolean inUnitRange = true;
            for (float value : row) {
                sum += value;
                inUnitRange &= value >= 0 && value <= 1;
            }
            if (inUnitRange && Math.abs(sum - 1) < 1e-3) {
                probabilityRows++;
            }
        }
        return outputs.length > 0 && probabilityRows > outputs.length / 2
                ? flag(ReliabilityFlag.Check.PROBABILITY_OUTPUTS, probabilityRows + " of " + outputs.length
                        + " output rows are non-negative and sum to 1")
                : Optional.empty();
    }

    public static Optional<ReliabilityFlag> zeroGradients(int zeroGradientExamples, int examples) {
        return zeroGradientExamples > tolerated(examples, 0.01)
                ? flag(ReliabilityFlag.Check.ZERO_GRADIENTS, zeroGradientExamples + " of " + examples
                        + " examples have an exactly zero input gradient")
                : Optional.empty();
    }

    /**
     * @param extraFooled examples the gradient-free attack fooled after every gradient attack had failed on them
     */
    public static Optional<ReliabilityFlag> gradientFreeStronger(double epsilon, int extraFooled, int examples) {
        return extraFooled > tolerated(examples, EXTRA_FOOLED_SHARE)
                ? flag(ReliabilityFlag.Check.GRADIENT_FREE_STRONGER, "at epsilon " + format(epsilon)
                        + " the gradient-free attack fooled " + extraFooled + " of " + examples
                        + " examples that every gradient attack missed (" + points(extraFooled, examples) + ")")
                : Optional.empty();
    }

    /** Worst-case robust accuracy along ascending epsilons must not rise. */
    public static Optional<ReliabilityFlag> notMonotone(List<EpsilonPoint> curve) {
        for (int p = 1; p < curve.size(); p++) {
            Accuracy smaller = curve.get(p - 1).worstCase();
            Accuracy larger = curve.get(p).worstCase();
            if (larger.correct() - smaller.correct() > tolerated(larger.examples(), 0)) {
                return flag(ReliabilityFlag.Check.NOT_MONOTONE, "robust accuracy rises from " + percent(smaller)
                        + " at epsilon " + format(curve.get(p - 1).epsilon()) + " to " + percent(larger)
                        + " at epsilon " + format(curve.get(p).epsilon()));
            }
        }
        return Optional.empty();
    }

    public static Optional<ReliabilityFlag> epsilonZeroDiffers(Accuracy atZero, Accuracy clean) {
        return atZero.correct() != clean.correct()
                ? flag(ReliabilityFlag.Check.EPSILON_ZERO_DIFFERS, "at epsilon 0 the attack pipeline scores "
                        + percent(atZero) + " but clean accuracy is " + percent(clean))
                : Optional.empty();
    }

    /**
     * @param chance the accuracy an input-blind model reaches: the largest class's share of the examples
     */
    public static Optional<ReliabilityFlag> largeEpsilonAboveChance(double epsilon, Accuracy robust, double chance) {
        return robust.ci95().lower() > chance
                ? flag(ReliabilityFlag.Check.LARGE_EPSILON_ABOVE_CHANCE, "at epsilon " + format(epsilon)
                        + ", where every input can be turned into the same one, robust accuracy is " + percent(robust)
                        + " (95% interval from " + format(100 * robust.ci95().lower()) + "%) against chance "
                        + format(100 * chance) + "%")
                : Optional.empty();
    }

    public static Optional<ReliabilityFlag> notConverged(double epsilon, int iterations, Accuracy budget,
                                                         Accuracy doubled) {
        // Compared in examples: a share computed in doubles would put 0.5 - 0.49 above 0.01.
        return budget.correct() - doubled.correct() > Math.round(CONVERGENCE_POINTS * budget.examples())
                ? flag(ReliabilityFlag.Check.NOT_CONVERGED, "at epsilon " + format(epsilon) + " doubling the attack's "
                        + iterations + " iterations lowered robust accuracy from " + percent(budget) + " to "
                        + percent(doubled) + " on " + budget.examples() + " examples")
                : Optional.empty();
    }

    /** @param extraFooled examples fooled by the transferred examples though every white-box attack failed */
    public static Optional<ReliabilityFlag> transferStronger(double epsilon, int extraFooled, int examples) {
        return extraFooled > tolerated(examples, EXTRA_FOOLED_SHARE)
                ? flag(ReliabilityFlag.Check.TRANSFER_STRONGER, "at epsilon " + format(epsilon) + " examples crafted on "
                        + "the base model fooled " + extraFooled + " of " + examples + " examples that the white-box "
                        + "attacks missed (" + points(extraFooled, examples) + ")")
                : Optional.empty();
    }

    /** At least one example, and the given share of the examples, may differ before a check fires. */
    static int tolerated(int examples, double share) {
        return Math.max(1, (int) Math.floor(share * examples));
    }

    private static Optional<ReliabilityFlag> flag(ReliabilityFlag.Check check, String reason) {
        return Optional.of(new ReliabilityFlag(check, reason));
    }

    private static String percent(Accuracy accuracy) {
        return format(100 * accuracy.value()) + "% (" + accuracy.correct() + "/" + accuracy.examples() + ")";
    }

    private static String points(int count, int examples) {
        return format(100.0 * count / examples) + " points";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
