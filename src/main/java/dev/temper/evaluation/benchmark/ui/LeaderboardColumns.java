package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.shared.Tooltip;
import dev.temper.evaluation.benchmark.BenchmarkRow;
import dev.temper.evaluation.benchmark.BenchmarkRow.Estimate;
import dev.temper.evaluation.benchmark.LeaderboardSort;
import dev.temper.ui.Formats;
import java.math.BigDecimal;
import java.util.List;

/**
 * The leaderboard's columns in RobustBench's manner; each sortable one carries the API's sort name, so that the
 * grid's sort goes to the database as it is.
 */
final class LeaderboardColumns {

    private LeaderboardColumns() {
    }

    static void addTo(Grid<BenchmarkRow> grid, List<Double> epsilons) {
        grid.addColumn(row -> Formats.orDash(row.rank())).setHeader("Rank").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(row -> row.rank() == null ? "Ranks show under the default order" : "");
        grid.addColumn(BenchmarkRow::modelVersion).setHeader("Model").setSortable(true).setSortProperty("model")
                .setAutoWidth(true);
        grid.addColumn(row -> Formats.orDash(row.base())).setHeader("Base").setSortable(true).setSortProperty("base")
                .setAutoWidth(true);
        grid.addComponentColumn(LeaderboardColumns::badges).setHeader("Reliability").setAutoWidth(true);
        grid.addColumn(row -> estimate(row.clean())).setHeader("Clean (95% CI)").setSortable(true)
                .setSortProperty("clean").setAutoWidth(true);
        for (double epsilon : epsilons) {
            grid.addColumn(row -> robust(row, epsilon))
                    .setHeader("Robust ε=" + BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString()
                            + " (95% CI)")
                    .setTooltipGenerator(row -> "Worst case per example over every attack of the suite")
                    .setSortable(true).setSortProperty(LeaderboardSort.robustName(epsilon)).setAutoWidth(true);
        }
        grid.addColumn(row -> row.suite() + " · " + row.examples()).setHeader("Suite · examples")
                .setSortable(true).setSortProperty("examples").setAutoWidth(true);
        grid.addColumn(row -> Formats.decimal(row.expectedCalibrationError())).setHeader("ECE").setSortable(true)
                .setSortProperty("ece").setAutoWidth(true);
        grid.addColumn(row -> Formats.percent(row.corruptionAccuracy())).setHeader("Corruption acc.")
                .setSortable(true).setSortProperty("corruption").setAutoWidth(true)
                .setTooltipGenerator(row -> "Images: mean over corruption types and severities");
        grid.addColumn(row -> Formats.decimal(row.meanCorruptionError())).setHeader("mCE").setSortable(true)
                .setSortProperty("mce").setAutoWidth(true)
                .setTooltipGenerator(row -> "Corruption errors relative to the base model's; below 1 is more robust");
        grid.addColumn(row -> Formats.time(row.date())).setHeader("Date").setSortable(true).setSortProperty("date")
                .setAutoWidth(true);
        grid.addComponentColumn(LeaderboardColumns::evidenceLinks).setHeader("Evidence").setAutoWidth(true);
    }

    /** The row's result page, and the paired comparison with this row on the left. */
    private static HorizontalLayout evidenceLinks(BenchmarkRow row) {
        Anchor result = new Anchor("evaluations/" + row.evaluationId(), "Result");
        result.setId("result-" + row.evaluationId());
        Anchor compare = new Anchor("comparisons?left=" + row.evaluationId(), "Compare");
        compare.setId("compare-" + row.evaluationId());
        return new HorizontalLayout(result, compare);
    }

    /** "reliable" or "unreliable" (the checks that fired in the tooltip), and "stale" when it is. */
    static HorizontalLayout badges(BenchmarkRow row) {
        Span verdict = badge(row.reliable() ? "reliable" : "unreliable", row.reliable() ? "success" : "error");
        if (!row.reliable()) {
            Tooltip.forComponent(verdict).setText("Checks that fired: " + String.join(", ", row.reliabilityFlags()));
        }
        HorizontalLayout badges = new HorizontalLayout(verdict);
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        if (row.stale()) {
            Span stale = badge("stale", "contrast");
            Tooltip.forComponent(stale).setText("Measured with the " + row.suite() + " suite, not the benchmark's: "
                    + "not comparable with current rows");
            badges.add(stale);
        }
        return badges;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        badge.addClassName(text);
        return badge;
    }

    static String estimate(Estimate e) {
        if (e == null) {
            return "";
        }
        String value = Formats.percent(e.value());
        return e.lower() == null ? value : value + " (" + Formats.percent(e.lower()) + "–" + Formats.percent(e.upper())
                + ")";
    }

    private static String robust(BenchmarkRow row, double epsilon) {
        return row.robust().stream().filter(r -> r.epsilon() == epsilon).findFirst()
                .map(r -> estimate(r.accuracy())).orElse("—");
    }
}
