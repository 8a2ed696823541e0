package dev.temper.evaluation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.temper.dataset.DatasetVersion;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.ModelEvaluations;
import dev.temper.evaluation.RobustAccuracy;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelPageSection;
import dev.temper.security.CurrentUser;
import dev.temper.ui.LineChart;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The history of the version's name: clean and worst-case robust accuracy of each of its versions on one dataset
 * version (one test split, one threat model), as a line chart. The dataset versions offered are the ones this
 * version was evaluated on.
 */
@ApplicationScoped
class ModelHistorySection implements ModelPageSection {

    /** Dataset versions offered in the picker; a version is rarely measured on more. */
    static final int DATASETS = 50;

    private final ModelEvaluations evaluations;

    ModelHistorySection(ModelEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create(CurrentUser user, ModelVersion version) {
        List<DatasetVersion> datasets = evaluations.evaluatedOn(user, version, DATASETS);
        if (datasets.isEmpty()) {
            return Optional.empty();
        }
        ComboBox<DatasetVersion> dataset = new ComboBox<>("Dataset version (its test split and threat model)");
        dataset.setId("model-history-dataset");
        dataset.setItems(datasets);
        dataset.setItemLabelGenerator(DatasetVersion::label);
        dataset.setWidth("24em");
        LineChart chart = new LineChart();
        chart.setId("model-history-chart");
        chart.setHeight("280px");
        Span threat = new Span();
        threat.setId("model-history-threat");
        dataset.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                List<EvaluationResult> history = evaluations.history(user, version, change.getValue().id);
                History drawn = History.of(history);
                chart.setSeries(drawn.labels(), drawn.series());
                threat.setText(history.isEmpty() ? "" : "Measured under " + EvaluationText.threatModel(
                        history.get(history.size() - 1)) + "; robust accuracy is the worst case per example over "
                        + "the suite's attacks.");
            }
        });
        dataset.setValue(datasets.get(0));
        VerticalLayout section = new VerticalLayout(new H3("History of " + version.name), dataset, threat, chart);
        section.setPadding(false);
        return Optional.of(section);
    }

    /** The chart's data: one point per version, clean accuracy and the worst case at each epsilon measured. */
    record History(List<String> labels, Map<String, List<Double>> series) {

        static History of(List<EvaluationResult> oldestFirst) {
            TreeSet<Double> epsilons = new TreeSet<>();
            oldestFirst.forEach(r -> r.robustAccuracies.stream().filter(a -> RobustAccuracy.WORST_CASE.equals(a.attack))
                    .forEach(a -> epsilons.add(a.epsilon)));
            List<String> labels = new ArrayList<>();
            Map<String, List<Double>> series = new LinkedHashMap<>();
            List<Double> clean = new ArrayList<>();
            series.put("Clean accuracy", clean);
            Map<Double, List<Double>> robust = new LinkedHashMap<>();
            for (double epsilon : epsilons) {
                List<Double> points = new ArrayList<>();
                robust.put(epsilon, points);
                series.put("Robust accuracy, ε " + EvaluationText.epsilon(epsilon), points);
            }
            for (EvaluationResult r : oldestFirst) {
                labels.add("v" + r.modelVersion.version);
                clean.add(r.cleanAccuracy);
                robust.forEach((epsilon, points) -> points.add(r.robustAccuracies.stream()
                        .filter(a -> RobustAccuracy.WORST_CASE.equals(a.attack) && a.epsilon == epsilon)
                        .map(a -> a.accuracy).findFirst().orElse(null)));
            }
            return new History(labels, series);
        }
    }
}
