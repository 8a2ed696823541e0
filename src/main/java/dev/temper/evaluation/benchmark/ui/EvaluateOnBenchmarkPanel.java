package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.benchmark.Benchmark;
import dev.temper.evaluation.benchmark.BenchmarkService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.training.TrainingJob;
import dev.temper.training.ui.JobView;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.ProblemNotification;

/** Evaluates a model of the team on the benchmark: only models that fit its dataset version are offered. */
class EvaluateOnBenchmarkPanel extends Composite<HorizontalLayout> {

    /** {@code fitting}: the team's model versions that fit the benchmark's dataset version, read page by page. */
    EvaluateOnBenchmarkPanel(CurrentUser user, Benchmark benchmark, ComboBox.FetchItemsCallback<ModelVersion> fitting,
            BenchmarkService benchmarks) {
        ComboBox<ModelVersion> model = new ComboBox<>("Evaluate a model on this benchmark");
        model.setId("benchmark-evaluate-model");
        LazyPaging.pick(model, fitting);
        model.setItemLabelGenerator(ModelVersion::label);
        model.setWidth("24em");
        Button evaluate = new Button("Evaluate", click -> {
            if (model.getValue() == null) {
                ProblemNotification.error("Choose the model version to evaluate");
                return;
            }
            try {
                TrainingJob job = benchmarks.evaluate(user, benchmark.id, model.getValue().id);
                getUI().ifPresent(ui -> ui.navigate(JobView.class,
                        new RouteParameters(JobView.JOB_ID, String.valueOf(job.id))));
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
            }
        });
        evaluate.setId("benchmark-evaluate-submit");
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().add(model, evaluate);
    }
}
