package dev.temper.evaluation.ui;

import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.evaluation.LeaderboardRow;
import dev.temper.evaluation.LeaderboardRow.Estimate;
import dev.temper.ui.Formats;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How the leaderboard writes a row's evidence: threat model, intervals, examples and reliability. Plain, testable. */
final class LeaderboardFormats {

    private LeaderboardFormats() {
    }

    /** E.g. "Robust accuracy, L-inf, epsilon in pixels [0, 1], suite STANDARD", one per distinct threat model. */
    static String threatModels(List<LeaderboardRow> rows) {
        Set<String> lines = new LinkedHashSet<>();
        for (LeaderboardRow row : rows) {
            if (row.norm() != null) {
                lines.add("Robust accuracy, " + threatModel(row) + ", suite " + row.suite());
            }
        }
        return lines.isEmpty() ? "" : String.join("; ", lines) + ".";
    }

    /** "L-inf, epsilon in pixels [0, 1]" for the row's norm and unit; a dash on rows recorded before. */
    static String threatModel(LeaderboardRow row) {
        if (row.norm() == null) {
            return "–";
        }
        return label(row.norm()) + ", epsilon in " + unit(row.epsilonUnit());
    }

    private static String label(String norm) {
        try {
            return Norm.valueOf(norm).label();
        } catch (IllegalArgumentException e) {
            return norm;
        }
    }

    private static String unit(String unit) {
        try {
            return switch (EpsilonUnit.valueOf(unit)) {
                case PIXELS -> "pixels [0, 1]";
                case TRAIN_STD -> "train-split standard deviations";
                case RAW_FEATURES -> "raw feature units";
            };
        } catch (IllegalArgumentException e) {
            return unit;
        }
    }

    /** "72.1% (68.0%–76.0%)": the worst case over all attacks at this epsilon, with its 95% interval. */
    static String robust(LeaderboardRow row, double epsilon) {
        Estimate estimate = row.worstCase().get(epsilon);
        return estimate == null ? Formats.percent(row.robustAccuracy().get(epsilon)) : estimate(estimate);
    }

    static String estimate(Estimate e) {
        String value = Formats.percent(e.value());
        return e.lower() == null ? value : value + " (" + Formats.percent(e.lower()) + "–" + Formats.percent(e.upper()) + ")";
    }

    /** Each attack's accuracy at this epsilon; the column shows the per-example worst over them. */
    static String byAttack(LeaderboardRow row, double epsilon) {
        return "Worst case per example over the attacks: " + row.estimatesByAttack().entrySet().stream()
                .filter(attack -> attack.getValue().containsKey(epsilon))
                .map(attack -> attack.getKey() + " " + estimate(attack.getValue().get(epsilon)))
                .collect(Collectors.joining(", "));
    }

    /** "88 of 90 (2 seen in training left out)", or just the count. */
    static String examples(LeaderboardRow row) {
        if (row.testExamples() == null || row.testExamples() == row.examples() && row.excludedOverlap() == 0) {
            return Integer.toString(row.examples());
        }
        return row.examples() + " of " + row.testExamples()
                + (row.excludedOverlap() > 0 ? " (" + row.excludedOverlap() + " seen in training left out)" : "");
    }

    static String overlap(LeaderboardRow row) {
        if (row.overlapCheck() == null) {
            return "Recorded before test examples were checked against the model's training data";
        }
        return switch (row.overlapCheck()) {
            case CHECKED -> row.excludedOverlap() + " test examples were also train or validation samples of the "
                    + "model's training data and were left out";
            case SAME_VERSION -> "The model was trained on this version; its splits are disjoint";
            case UNKNOWN -> "The model's training data is unknown: overlap with the test split was not checked";
        };
    }

    /** Each check that fired and its evidence, one per line. */
    static String reasons(LeaderboardRow row) {
        return row.reliabilityFlags().stream().map(f -> f.check() + ": " + f.reason()).collect(Collectors.joining("\n"));
    }
}
