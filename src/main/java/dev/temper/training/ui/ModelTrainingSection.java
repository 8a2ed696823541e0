package dev.temper.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.temper.base.Json;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelPageSection;
import dev.temper.security.CurrentUser;
import dev.temper.training.StrategyText;
import dev.temper.training.TrainingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** On a model version's page: how it was trained, in words, and a link to its job's curves and log. */
@ApplicationScoped
class ModelTrainingSection implements ModelPageSection {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(CurrentUser user, ModelVersion version) {
        RouterLink job = new RouterLink("job #" + version.jobId, JobView.class,
                new RouteParameters(JobView.JOB_ID, String.valueOf(version.jobId)));
        job.setId("model-job-link");
        HorizontalLayout trainedBy = new HorizontalLayout(new Span("Trained by"), job,
                new Span("(learning curves, log and timeline)"));
        trainedBy.setSpacing(false);
        trainedBy.getStyle().set("gap", "0.3em");
        UnorderedList strategy = new UnorderedList();
        strategy.setId("model-strategy");
        StrategyText.lines(Json.read(version.settingsJson, TrainingSettings.class))
                .forEach(line -> strategy.add(new ListItem(line)));
        VerticalLayout section = new VerticalLayout(new H3("Training strategy"), trainedBy, strategy);
        section.setPadding(false);
        section.setSpacing(false);
        return Optional.of(section);
    }
}
