package dev.temper.engine.evaluation.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flags results that gradient attacks may overstate. Two symptoms of masked or obfuscated gradients are
 * checked: a gradient-free attack that fools examples which FGSM/PGD left standing, and inputs whose loss
 * gradient is exactly zero (FGSM and PGD cannot move them at all).
 */
public final class GradientMaskingSentinel {

    /** Share of examples that may trip a check by chance (borderline examples) before it counts. */
    static final double TOLERATED_FRACTION = 0.01;

    private GradientMaskingSentinel() {
    }

    /** Counts rows whose gradient has no non-zero coordinate. */
    public static int zeroGradientInputs(AttackTarget target, float[][] inputs, int[] labels) {
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

    /**
     * @param curve per-epsilon results of a {@link RobustnessCurve} that ran the gradient attacks and the
     *              gradient-free attack {@code gradientFree}
     */
    public static SentinelReport assess(List<RobustnessCurve.Measured> curve, Set<String> gradientAttacks,
                                        RandomSearch gradientFree, int examples, int zeroGradientInputs) {
        int tolerance = (int) Math.floor(TOLERATED_FRACTION * examples);
        List<SentinelFinding> findings = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RobustnessCurve.Measured measured : curve) {
            boolean[] byGradientFree = measured.survivedByAttack().get(gradientFree.name());
            if (byGradientFree == null) {
                throw new IllegalArgumentException("the curve did not run " + gradientFree.name());
            }
            int fooled = 0;
            int missed = 0;
            for (int i = 0; i < byGradientFree.length; i++) {
                if (!byGradientFree[i]) {
                    fooled++;
                    if (survivedAll(measured, gradientAttacks, i)) {
                        missed++;
                    }
                }
            }
            findings.add(new SentinelFinding(measured.point().epsilon(), fooled, missed));
            if (missed > tolerance) {
                reasons.add("at epsilon " + measured.point().epsilon() + " the gradient-free attack fooled "
                        + missed + " examples that every gradient attack missed");
            }
        }
        if (zeroGradientInputs > tolerance) {
            reasons.add(zeroGradientInputs + " of " + examples + " inputs have an exactly zero loss gradient");
        }
        return new SentinelReport(!reasons.isEmpty(), reasons, examples, zeroGradientInputs, findings,
                gradientFree.proposal().name(), gradientFree.queriesPerExample(), gradientFree.seed(), tolerance);
    }

    private static boolean survivedAll(RobustnessCurve.Measured measured, Set<String> attacks, int example) {
        for (String attack : attacks) {
            boolean[] survived = measured.survivedByAttack().get(attack);
            if (survived == null) {
                throw new IllegalArgumentException("the curve did not run " + attack);
            }
            if (!survived[example]) {
                return false;
            }
        }
        return true;
    }
}
