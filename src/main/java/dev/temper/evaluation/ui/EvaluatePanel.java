package dev.temper.evaluation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetVersion;
import dev.temper.evaluation.EvaluationJobs;
import dev.temper.registry.ModelFitsDataset;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.training.TrainingJob;
import dev.temper.training.ui.JobView;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.ProblemNotification;

/**
 * Measures a model of the team on a dataset version, e.g. a shifted or corrupted copy of its training data:
 * only models that {@link ModelFitsDataset fit} the version are offered.
 */
class EvaluatePanel extends Composite<VerticalLayout> {

    /** {@code fitting}: the team's model versions that fit the version, read page by page as the picker scrolls. */
    EvaluatePanel(CurrentUser user, DatasetVersion version, ComboBox.FetchItemsCallback<ModelVersion> fitting,
            EvaluationJobs evaluationJobs) {
        ComboBox<ModelVersion> model = new ComboBox<>("Model version");
        model.setId("evaluate-model");
        LazyPaging.pick(model, fitting);
        model.setItemLabelGenerator(m -> m.label() + " (trained on " + m.datasetVersion.label() + ")");
        model.setWidth("28em");
        Button evaluate = new Button("Evaluate on " + version.label(), click -> {
            if (model.getValue() == null) {
                ProblemNotification.error("Choose the model version to evaluate");
                return;
            }
            try {
                TrainingJob job = evaluationJobs.request(user, model.getValue().id, version.id);
                getUI().ifPresent(ui -> ui.navigate(JobView.class,
                        new RouteParameters(JobView.JOB_ID, String.valueOf(job.id))));
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
            }
        });
        evaluate.setId("evaluate-submit");
        boolean noneFits = fitting.fetchItems("", 0, 1).findAny().isEmpty();
        getContent().setPadding(false);
        getContent().add(new H3("Evaluate a model on this version"),
                new Span("The robustness suite on this version's test split; results join its leaderboard."),
                noneFits ? new Span("No model of the team predicts these classes from samples of this shape.")
                        : new HorizontalLayout(model, evaluate));
    }
}
