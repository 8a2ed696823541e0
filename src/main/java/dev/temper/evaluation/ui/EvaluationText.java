package dev.temper.evaluation.ui;

import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.RobustAccuracy;
import dev.temper.ui.Formats;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** How one evaluation result reads in the model page's grid: estimates with intervals, threat model, flags. */
final class EvaluationText {

    private EvaluationText() {
    }

    /** "97.0% (95.1%–98.2%)", or the bare value on rows recorded before intervals were kept. */
    static String estimate(double value, Double lower, Double upper) {
        String text = Formats.percent(value);
        return lower == null || upper == null ? text
                : text + " (" + Formats.percent(lower) + "–" + Formats.percent(upper) + ")";
    }

    /** "ε 0.1: 81.0% (78.4%–83.3%); ε 0.3: ..." over the worst case per example. */
    static String worstCase(EvaluationResult r) {
        String text = r.robustAccuracies.stream()
                .filter(a -> RobustAccuracy.WORST_CASE.equals(a.attack))
                .map(a -> "ε " + epsilon(a.epsilon) + ": "
                        + estimate(a.accuracy, a.lower, a.upper))
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? "—" : text;
    }

    /** 0.1 as "0.1", 8/255 to its exact decimal digits: the epsilon as recorded. */
    static String epsilon(double epsilon) {
        return BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString();
    }

    static String threatModel(EvaluationResult r) {
        if (r.threatNorm == null) {
            return "—";
        }
        String norm;
        try {
            norm = Norm.valueOf(r.threatNorm).label();
        } catch (IllegalArgumentException e) {
            norm = r.threatNorm;
        }
        String unit;
        try {
            unit = EpsilonUnit.valueOf(r.threatUnit).description();
        } catch (IllegalArgumentException | NullPointerException e) {
            unit = String.valueOf(r.threatUnit);
        }
        return norm + ", epsilon in " + unit;
    }

    /** "88 of 90, 2 seen in training left out", or the count alone. */
    static String examples(EvaluationResult r) {
        if (r.testExamples == null || r.testExamples == r.examples && r.excludedOverlap == 0) {
            return Integer.toString(r.examples);
        }
        return r.examples + " of " + r.testExamples
                + (r.excludedOverlap > 0 ? ", " + r.excludedOverlap + " seen in training left out" : "");
    }

    static String reliability(EvaluationResult r) {
        return r.reliable ? "reliable" : "unreliable: " + r.reliabilityFlags().stream()
                .map(f -> f.check()).collect(Collectors.joining(", "));
    }
}
