package dev.temper.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.base.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.registry.ModelRegistryService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobService;
import dev.temper.training.JobUpdates;
import dev.temper.training.TrainingJob;
import dev.temper.ui.LiveRefresh;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;

/** All jobs of the user's teams, updated live; ml-engineers start new ones here. */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("Jobs | Temper")
@Menu(title = "Jobs", order = 2)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class JobsView extends VerticalLayout {

    private final CurrentUser user;
    private final JobService jobs;
    private final Grid<TrainingJob> grid = new Grid<>();
    private final Span error = new Span();

    public JobsView(SecurityIdentity identity, JobService jobs, JobUpdates updates, DatasetService datasets,
            ModelRegistryService models) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.jobs = jobs;
        setSizeFull();
        add(new H2("Jobs"));
        if (user.hasRole(Roles.ML_ENGINEER)) {
            JobForm form = new JobForm();
            form.setDatasets(datasets.list(user));
            form.setBaseModels(models.list(user));
            form.addSubmitListener(this::submit);
            error.setId("job-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            Details newJob = new Details("New job", new VerticalLayout(form, error));
            newJob.setOpened(true);
            add(newJob);
        }
        configureGrid();
        add(grid);
        refresh();
        LiveRefresh.bind(this, updates::subscribe, update -> user.isMemberOf(update.team()), this::refresh);
    }

    private void configureGrid() {
        grid.setId("jobs-grid");
        grid.addColumn(job -> job.id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(job -> job.kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(job -> job.modelName).setHeader("Model").setAutoWidth(true);
        grid.addColumn(job -> job.datasetVersion.label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(job -> job.state).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(JobsView::progressBar).setHeader("Progress").setWidth("10em").setFlexGrow(0);
        grid.addColumn(job -> job.message == null ? "" : job.message).setHeader("Message").setFlexGrow(1);
        grid.addColumn(job -> job.createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addItemClickListener(click -> UI.getCurrent().navigate(JobView.class,
                new RouteParameters(JobView.JOB_ID, String.valueOf(click.getItem().id))));
    }

    private static ProgressBar progressBar(TrainingJob job) {
        ProgressBar bar = new ProgressBar();
        bar.setValue(job.progress());
        return bar;
    }

    private void submit(JobForm.SubmitEvent event) {
        error.setText("");
        try {
            TrainingJob job = jobs.submit(user, event.submission());
            UI.getCurrent().navigate(JobView.class, new RouteParameters(JobView.JOB_ID, String.valueOf(job.id)));
        } catch (ProblemException problem) {
            error.setText(problem.getMessage());
            ProblemNotification.show(problem);
        }
    }

    private void refresh() {
        grid.setItems(jobs.list(user));
    }
}
