package dev.temper.evaluation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.temper.evaluation.EvaluationEvidence;
import dev.temper.evaluation.EvaluationEvidence.Bin;
import dev.temper.evaluation.EvaluationEvidence.ClassScores;
import dev.temper.evaluation.EvaluationEvidence.Curve;
import dev.temper.evaluation.EvaluationEvidence.CurvePoint;
import dev.temper.evaluation.EvaluationEvidence.ExplainedFlag;
import dev.temper.evaluation.EvaluationEvidence.NoisePoint;
import dev.temper.evaluation.EvaluationEvidence.Provenance;
import dev.temper.ui.BarChart;
import dev.temper.ui.Formats;
import dev.temper.ui.LineChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The result page's sections, each built from one part of an evaluation's evidence. */
final class EvidenceSections {

    private final EvaluationEvidence e;

    EvidenceSections(EvaluationEvidence evidence) {
        this.e = evidence;
    }

    /** The curves on one chart (epsilon 0 is the clean accuracy when not measured), and a table with intervals. */
    Component curves() {
        if (e.curves().isEmpty()) {
            return new Span("No attack ran in this evaluation.");
        }
        TreeSet<Double> epsilons = new TreeSet<>();
        e.curves().forEach(c -> c.points().forEach(p -> epsilons.add(p.epsilon())));
        boolean addClean = !epsilons.contains(0.0);
        List<String> labels = new ArrayList<>();
        if (addClean) {
            labels.add("0 (clean)");
        }
        epsilons.forEach(eps -> labels.add(EvidenceFormats.epsilon(eps)));
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (Curve curve : e.curves()) {
            List<Double> values = new ArrayList<>();
            if (addClean) {
                values.add(e.clean().value());
            }
            for (double eps : epsilons) {
                values.add(curve.points().stream().filter(p -> p.epsilon() == eps).findFirst()
                        .map(p -> p.accuracy().value()).orElse(null));
            }
            series.put(EvidenceFormats.curve(curve.attack()), values);
        }
        LineChart chart = new LineChart();
        chart.setId("evaluation-curves");
        chart.setSeries(labels, series);
        Grid<Double> table = new Grid<>();
        table.setId("evaluation-curve-table");
        table.setAllRowsVisible(true);
        table.addColumn(EvidenceFormats::epsilon).setHeader("ε (" + EvidenceFormats.norm(e.threatModel() == null
                ? null : e.threatModel().norm()) + ")").setAutoWidth(true).setFlexGrow(0);
        for (Curve curve : e.curves()) {
            table.addColumn(eps -> curve.points().stream().filter(p -> p.epsilon() == eps).findFirst()
                    .map(CurvePoint::accuracy).map(EvidenceFormats::estimate).orElse("—"))
                    .setHeader(EvidenceFormats.curve(curve.attack()) + " (95% CI)").setAutoWidth(true);
        }
        table.setItems(List.copyOf(epsilons));
        Paragraph note = new Paragraph("Each attack runs on the examples the attacks before it left standing, so its "
                + "curve is cumulative; the worst case counts an example only if it was right clean and no attack "
                + "fooled it.");
        return column(chart, table, note);
    }

    /** Accuracy against mean confidence per confidence bin; a calibrated model's bars match. */
    Component reliabilityDiagram() {
        if (e.reliabilityDiagram().isEmpty()) {
            return new Span("Not available for this evaluation.");
        }
        List<String> labels = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        List<Double> confidence = new ArrayList<>();
        for (Bin bin : e.reliabilityDiagram()) {
            labels.add(String.format(Locale.ROOT, "%.2f–%.2f", bin.lower(), bin.upper()));
            accuracy.add(bin.count() == 0 ? null : bin.accuracy());
            confidence.add(bin.count() == 0 ? null : bin.meanConfidence());
        }
        BarChart chart = new BarChart();
        chart.setId("evaluation-reliability-diagram");
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("accuracy", accuracy);
        series.put("mean confidence", confidence);
        chart.setSeries(labels, series);
        return column(chart, new Span("Expected calibration error " + Formats.decimal(e.expectedCalibrationError())
                + ": the gap between the bars, weighted by the examples in each bin (empty bins are left blank)."));
    }

    Component confusion() {
        if (e.confusion() == null) {
            return new Span("Not available for this evaluation.");
        }
        if (e.confusion().classes().size() > EvidenceFormats.MAX_HEAT_MAP_CLASSES) {
            return new Span(e.confusion().classes().size() + " classes are too many for a heat map; the per-class "
                    + "table below lists each one.");
        }
        HeatMap map = EvidenceFormats.confusion(e.confusion());
        map.setId("evaluation-confusion");
        return map;
    }

    Component perClass() {
        if (e.perClass().isEmpty()) {
            return new Span("Not available for this evaluation.");
        }
        Grid<ClassScores> grid = new Grid<>();
        grid.setId("evaluation-per-class");
        grid.addColumn(ClassScores::name).setHeader("Class").setAutoWidth(true);
        grid.addColumn(ClassScores::support).setHeader("Support").setAutoWidth(true);
        grid.addColumn(c -> Formats.decimal(c.precision())).setHeader("Precision").setAutoWidth(true);
        grid.addColumn(c -> Formats.decimal(c.recall())).setHeader("Recall").setAutoWidth(true);
        grid.addColumn(c -> Formats.decimal(c.f1())).setHeader("F1").setAutoWidth(true);
        // At most ReportEvidence's class limit, held by the page anyway: no database list.
        grid.setItems(e.perClass());
        if (e.perClass().size() <= 12) {
            grid.setAllRowsVisible(true);
        }
        return grid;
    }

    Component corruptions() {
        HeatMap map = EvidenceFormats.corruptions(e.corruptions());
        map.setId("evaluation-corruptions");
        if (e.meanCorruptionAccuracy() == null) {
            return map;
        }
        return column(map, new Span("Mean corruption accuracy " + Formats.percent(e.meanCorruptionAccuracy())
                + (e.meanCorruptionError() == null ? "" : ", mCE against the base " + Formats.decimal(
                        e.meanCorruptionError()) + " (below 1 is more robust than the base)") + "."));
    }

    Component noise() {
        Grid<NoisePoint> grid = new Grid<>();
        grid.setId("evaluation-noise");
        grid.setAllRowsVisible(true);
        grid.addColumn(p -> EvidenceFormats.epsilon(p.sigma())).setHeader("σ (in the threat model's unit)")
                .setAutoWidth(true);
        grid.addColumn(p -> EvidenceFormats.estimate(p.accuracy())).setHeader("Accuracy (95% CI)").setAutoWidth(true);
        grid.setItems(e.noise());
        return grid;
    }

    /** Each check that fired: its name, what it means, and this evaluation's numbers. */
    Component flags() {
        VerticalLayout flags = new VerticalLayout();
        flags.setId("evaluation-flags");
        flags.setPadding(false);
        if (e.flags().isEmpty()) {
            flags.add(new Span("No reliability check fired: the robust numbers passed every check of "
                    + "docs/robustness-evaluation.md (randomised or probability outputs, zero gradients, gradient-free "
                    + "and transfer attacks stronger, non-monotone curve, epsilon 0, large epsilon, convergence)."));
            return flags;
        }
        flags.add(new Span("This evaluation is unreliable: its robust numbers may overstate the model, and it ranks "
                + "below every reliable one."));
        for (ExplainedFlag flag : e.flags()) {
            Div item = new Div();
            item.addClassName("evaluation-flag");
            Span check = new Span(flag.check());
            check.getElement().getThemeList().add("badge error");
            item.add(check, new Span(" " + (flag.meaning() == null ? "a check this server does not know"
                    : flag.meaning()) + ". Evidence: " + flag.evidence()));
            flags.add(item);
        }
        return flags;
    }

    Component provenance() {
        Provenance p = e.provenance();
        VerticalLayout lines = new VerticalLayout();
        lines.setId("evaluation-provenance");
        lines.setPadding(false);
        lines.setSpacing(false);
        lines.add(line("Model SHA-256", p.modelSha256()), line("Dataset SHA-256", p.datasetSha256()),
                line("Per-example outcomes SHA-256", p.perExampleSha256()),
                line("Seed", p.seed()), line("Suite", p.suite()), line("Threat model", p.threatModel()),
                line("Engine", p.engineVersion()), line("TensorFlow", p.tensorflowVersion()),
                line("DJL", p.djlVersion()), line("Evaluation job", p.jobId()),
                line("Measured at", Formats.time(e.createdAt())));
        p.attacks().forEach(a -> lines.add(line("Attack " + a.name(), EvidenceFormats.parameters(a.parameters()))));
        if (p.noiseSeed() != null) {
            lines.add(line("Noise seed", p.noiseSeed()));
        }
        if (p.corruptionSeed() != null) {
            lines.add(line("Corruption seed", p.corruptionSeed()));
        }
        return lines;
    }

    Component notShown() {
        VerticalLayout notes = new VerticalLayout();
        notes.setId("evaluation-not-shown");
        notes.setPadding(false);
        notes.add(new Span("Left out of the engine's report because it did not hold up against the checked row:"));
        e.notShown().forEach(reason -> notes.add(new Span("• " + reason)));
        notes.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return notes;
    }

    private static Div line(String label, Object value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        return new Div(name, new Span(Formats.orDash(value)));
    }

    private static VerticalLayout column(Component... components) {
        VerticalLayout column = new VerticalLayout(components);
        column.setPadding(false);
        return column;
    }
}
