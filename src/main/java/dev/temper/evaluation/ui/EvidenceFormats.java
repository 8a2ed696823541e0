package dev.temper.evaluation.ui;

import dev.temper.evaluation.EvaluationEvidence;
import dev.temper.evaluation.EvaluationEvidence.Confusion;
import dev.temper.evaluation.EvaluationEvidence.CorruptionRow;
import dev.temper.evaluation.EvaluationEvidence.Estimate;
import dev.temper.evaluation.EvaluationEvidenceService;
import dev.temper.evaluation.RobustAccuracy;
import dev.temper.evaluation.ui.HeatMap.Cell;
import dev.temper.ui.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the result page writes an evaluation's evidence. Plain, testable. */
final class EvidenceFormats {

    /** Beyond this many classes a confusion heat map is unreadable; the per-class table still lists them all. */
    static final int MAX_HEAT_MAP_CLASSES = 40;

    private EvidenceFormats() {
    }

    /** "72.1% (68.0–76.0%)", or the bare share on rows recorded before intervals were kept. */
    static String estimate(Estimate e) {
        if (e == null) {
            return "—";
        }
        String value = Formats.percent(e.value());
        return e.lower() == null ? value : value + " (" + Formats.percent(e.lower()) + "–" + Formats.percent(e.upper()) + ")";
    }

    /** The worst case over all attacks reads as such; attacks keep the engine's names. */
    static String curve(String attack) {
        return RobustAccuracy.WORST_CASE.equals(attack) ? "worst case (all attacks)" : attack;
    }

    static String epsilon(double epsilon) {
        return BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString();
    }

    /** "Clean accuracy 87.3% (84.1–90.0%, 95% interval) on 1,000 test examples (2 seen in training left out)". */
    static String summary(EvaluationEvidence e) {
        StringBuilder text = new StringBuilder("Clean accuracy ").append(estimate(e.clean()))
                .append(" with its 95% interval, on ").append(String.format(Locale.ROOT, "%,d", e.examples()))
                .append(" test examples");
        if (e.excludedOverlap() > 0) {
            text.append(" (").append(e.excludedOverlap()).append(" seen in training left out)");
        }
        text.append("; ECE ").append(Formats.decimal(e.expectedCalibrationError()))
                .append(", mean NLL ").append(Formats.decimal(e.negativeLogLikelihood())).append(".");
        if (e.threatModel() != null) {
            text.append(" Threat model: ").append(e.threatModel().description()).append("; suite ").append(e.suite())
                    .append(".");
        }
        return text.toString();
    }

    /** Rows are true classes, shaded by the share of the row predicted as each column. */
    static HeatMap confusion(Confusion confusion) {
        int[][] counts = confusion.counts();
        List<List<Cell>> rows = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            int support = 0;
            for (int count : counts[t]) {
                support += count;
            }
            List<Cell> row = new ArrayList<>();
            for (int p = 0; p < counts[t].length; p++) {
                double share = support == 0 ? 0 : counts[t][p] / (double) support;
                row.add(new Cell(Integer.toString(counts[t][p]), share, "true " + confusion.classes().get(t)
                        + ", predicted " + confusion.classes().get(p) + ": " + counts[t][p] + " of " + support));
            }
            rows.add(row);
        }
        return new HeatMap("true \\ predicted", confusion.classes(), confusion.classes(), rows);
    }

    /** Types by severity, shaded by accuracy; then the mean and the error relative to the base (CE). */
    static HeatMap corruptions(List<CorruptionRow> corruptions) {
        int severities = corruptions.stream().mapToInt(c -> c.bySeverity().size()).max().orElse(0);
        List<String> columns = new ArrayList<>();
        for (int s = 1; s <= severities; s++) {
            columns.add("severity " + s);
        }
        columns.add("mean");
        columns.add("CE vs base");
        List<List<Cell>> rows = new ArrayList<>();
        for (CorruptionRow c : corruptions) {
            List<Cell> row = new ArrayList<>();
            for (int s = 0; s < severities; s++) {
                Estimate e = s < c.bySeverity().size() ? c.bySeverity().get(s) : null;
                row.add(e == null ? new Cell("—", null, null)
                        : new Cell(Formats.percent(e.value()), e.value(), c.type() + " severity " + (s + 1) + ": "
                                + estimate(e)));
            }
            row.add(new Cell(Formats.percent(c.meanAccuracy()), c.meanAccuracy(), null));
            row.add(new Cell(c.relativeError() == null ? "—" : Formats.decimal(c.relativeError()), null,
                    "Corruption error relative to the base model's; below 1 is more robust"));
            rows.add(row);
        }
        return new HeatMap("type \\ severity", corruptions.stream().map(c -> label(c.type())).toList(), columns, rows);
    }

    /** "iterations 100, restarts 1". */
    static String parameters(Map<String, Object> parameters) {
        return parameters.entrySet().stream().map(p -> p.getKey() + " " + p.getValue())
                .collect(Collectors.joining(", "));
    }

    static String norm(String norm) {
        return EvaluationEvidenceService.normLabel(norm);
    }

    /** GAUSSIAN_NOISE -> "gaussian noise". */
    static String label(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
