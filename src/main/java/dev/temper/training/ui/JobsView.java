package dev.temper.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.registry.ModelRegistryService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobFilter;
import dev.temper.training.JobService;
import dev.temper.training.JobUpdated;
import dev.temper.training.TrainingJob;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All jobs of the user's teams, updated live, with progress, time left and compute used; several can be
 * picked for a comparison of their curves. Ml-engineers start new jobs here, from scratch or as an edited
 * clone of an existing one ({@code jobs?clone=5}).
 */
@Route(value = "jobs", layout = MainLayout.class)
@PageTitle("Jobs | Temper")
@Menu(title = "Jobs", order = 2)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class JobsView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameter naming the job whose settings fill the form. */
    static final String CLONE = "clone";

    private final CurrentUser user;
    private final JobService jobs;
    private final Grid<TrainingJob> grid = new Grid<>();
    private final Button compare = new Button("Compare");
    private final Span error = new Span();
    /** Null for users who may not start jobs. */
    private JobForm form;
    private Details newJob;
    /** The user's picks by id, for the comparison link. */
    private final Set<Long> selectedIds = new LinkedHashSet<>();

    public JobsView(SecurityIdentity identity, JobService jobs, LiveUpdates updates, DatasetService datasets,
            ModelRegistryService models) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.jobs = jobs;
        setSizeFull();
        add(new H2("Jobs"));
        if (user.hasRole(Roles.ML_ENGINEER)) {
            form = new JobForm();
            form.setDatasets((name, offset, limit) -> datasets.current(user, name, offset, limit).stream());
            form.setBaseModels((name, offset, limit) -> models.pick(user, name, offset, limit).stream());
            form.addSubmitListener(this::submit);
            error.setId("job-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            newJob = new Details("New job", new VerticalLayout(form, error));
            newJob.setOpened(true);
            add(newJob);
        }
        configureGrid();
        compare.setId("jobs-compare");
        compare.setEnabled(false);
        compare.addClickListener(click -> UI.getCurrent().navigate(JobsCompareView.class,
                QueryParameters.of(JobsCompareView.IDS,
                        selectedIds.stream().map(String::valueOf).collect(Collectors.joining(",")))));
        Span hint = new Span("Tick two or more jobs to compare their curves.");
        HorizontalLayout actions = new HorizontalLayout(compare, hint);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(actions, grid);
        updates.bind(this, JobUpdated.class, update -> user.isMemberOf(update.team()), this::refresh);
    }

    private void configureGrid() {
        grid.setId("jobs-grid");
        // Page by page from the database, newest first. Rows are known by job id, so that the user's picks
        // stay ticked when a live update re-reads the rows as new objects.
        grid.setItems(new CallbackDataProvider<TrainingJob, Void>(
                query -> jobs.page(user, JobFilter.ALL, LazyPaging.request(query), LazyPaging.sort(query))
                        .items().stream(),
                query -> (int) jobs.count(user, JobFilter.ALL),
                job -> job.id));
        // Ids are handed out in creation order, so sorting by id is sorting by creation time.
        grid.addColumn(job -> job.id).setHeader("Id").setAutoWidth(true).setSortProperty("created");
        grid.addColumn(job -> job.kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(job -> job.modelName).setHeader("Model").setAutoWidth(true);
        grid.addColumn(job -> job.datasetVersion.label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(JobsView::stateText).setHeader("State").setAutoWidth(true).setSortProperty("state");
        grid.addComponentColumn(JobsView::progressBar).setHeader("Progress").setWidth("10em").setFlexGrow(0);
        grid.addColumn(job -> JobFormats.eta(job.etaSeconds(Instant.now()))).setHeader("ETA").setAutoWidth(true);
        grid.addColumn(JobsView::usage).setHeader("GPU time").setAutoWidth(true);
        // Also why a job waits (no free GPU) or was restarted (worker lost).
        grid.addColumn(job -> job.message == null ? "" : job.message).setHeader("Message").setFlexGrow(1);
        grid.addColumn(job -> job.createdBy).setHeader("Created by").setAutoWidth(true);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.asMultiSelect().addSelectionListener(selection -> {
            if (selection.isFromClient()) {
                selectedIds.clear();
                selection.getAllSelectedItems().forEach(job -> selectedIds.add(job.id));
            }
            compare.setEnabled(selectedIds.size() >= 2);
        });
        grid.addItemClickListener(click -> UI.getCurrent().navigate(JobView.class,
                new RouteParameters(JobView.JOB_ID, String.valueOf(click.getItem().id))));
    }

    /** A restarted job says which attempt it is on; a first attempt needs no mention. */
    private static String stateText(TrainingJob job) {
        return job.attempt > 1 ? job.state + " (attempt " + job.attempt + ")" : job.state.name();
    }

    private static String usage(TrainingJob job) {
        Instant now = Instant.now();
        return JobFormats.usage(job.gpus, job.runSeconds(now), job.gpuSeconds(now));
    }

    private static ProgressBar progressBar(TrainingJob job) {
        ProgressBar bar = new ProgressBar();
        bar.setId("jobs-progress-" + job.id);
        bar.setValue(job.progress());
        return bar;
    }

    /** {@code jobs?clone=5}: the form starts from job 5's settings; a job not visible reads as missing. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> clone = event.getLocation().getQueryParameters().getParameters().getOrDefault(CLONE, List.of());
        if (form == null || clone.isEmpty()) {
            return;
        }
        try {
            TrainingJob original = jobs.get(user, Long.parseLong(clone.get(0)));
            form.startFrom(original);
            newJob.setOpened(true);
        } catch (NumberFormatException | ProblemException notVisible) {
            ProblemNotification.show(ProblemException.notFound("Job", clone.get(0)));
        }
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
        grid.getDataProvider().refreshAll();
    }
}
