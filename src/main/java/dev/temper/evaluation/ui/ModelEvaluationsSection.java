package dev.temper.evaluation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.temper.base.paging.PageRequest;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.ModelEvaluations;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelPageSection;
import dev.temper.security.CurrentUser;
import dev.temper.training.ui.JobView;
import dev.temper.ui.Formats;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Every evaluation of the version on its page, newest first, loaded a page at a time from the database. */
@ApplicationScoped
class ModelEvaluationsSection implements ModelPageSection {

    private final ModelEvaluations evaluations;

    ModelEvaluationsSection(ModelEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create(CurrentUser user, ModelVersion version) {
        Grid<EvaluationResult> grid = new Grid<>();
        grid.setId("model-evaluations-grid");
        grid.setAllRowsVisible(false);
        grid.setHeight("320px");
        grid.addColumn(r -> r.datasetVersion.label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(EvaluationText::examples).setHeader("Examples").setAutoWidth(true);
        grid.addColumn(r -> EvaluationText.estimate(r.cleanAccuracy, r.cleanLower, r.cleanUpper))
                .setHeader("Clean accuracy (95% CI)").setAutoWidth(true);
        grid.addColumn(EvaluationText::worstCase).setHeader("Robust accuracy, worst case (95% CI)").setAutoWidth(true);
        grid.addColumn(r -> EvaluationText.threatModel(r) + (r.suiteVersion == null ? "" : ", suite " + r.suiteVersion))
                .setHeader("Threat model").setWidth("18em").setFlexGrow(1);
        grid.addColumn(EvaluationText::reliability).setHeader("Reliability").setAutoWidth(true);
        grid.addColumn(r -> Formats.decimal(r.expectedCalibrationError)).setHeader("ECE").setAutoWidth(true);
        grid.addComponentColumn(r -> new RouterLink("job #" + r.jobId, JobView.class,
                new RouteParameters(JobView.JOB_ID, String.valueOf(r.jobId)))).setHeader("Job").setAutoWidth(true);
        grid.addColumn(r -> Formats.time(r.createdAt)).setHeader("Recorded").setAutoWidth(true);
        grid.setItems(query -> evaluations.page(user, version.id,
                new PageRequest(query.getPage(), query.getPageSize())).items().stream());
        VerticalLayout section = new VerticalLayout(new H3("Evaluations"), grid);
        section.setPadding(false);
        return Optional.of(section);
    }
}
