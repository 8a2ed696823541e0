package dev.temper.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.base.ProblemException;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobControl;
import dev.temper.training.JobMetric;
import dev.temper.training.JobService;
import dev.temper.training.JobState;
import dev.temper.training.JobUpdates;
import dev.temper.training.TrainingJob;
import dev.temper.ui.LiveRefresh;
import dev.temper.ui.LineChart;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * One job: state, progress, learning curves and lineage, pushed as the worker reports epochs. A job
 * of another team reads exactly like a missing one, so its existence is not revealed.
 */
@Route(value = "jobs/:" + JobView.JOB_ID, layout = MainLayout.class)
@PageTitle("Job | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class JobView extends VerticalLayout implements BeforeEnterObserver {

    public static final String JOB_ID = "jobId";

    private final CurrentUser user;
    private final JobService jobs;
    private final JobControl control;
    private final H2 title = new H2();
    private final Span missing = new Span();
    private final VerticalLayout details = new VerticalLayout();
    private final Span state = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span scheduling = new Span();
    private final Button cancel = new Button("Cancel");
    private final Button retry = new Button("Retry");
    private final Span message = new Span();
    private final LineChart chart = new LineChart();
    private final JobMetricsGrid metricsGrid = new JobMetricsGrid();
    private final VerticalLayout lineage = new VerticalLayout();
    /** Null while no job of the user's teams is shown; live updates are ignored then. */
    private Long jobId;

    public JobView(SecurityIdentity identity, JobService jobs, JobControl control, JobUpdates updates) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.jobs = jobs;
        this.control = control;
        state.setId("job-state");
        progress.setId("job-progress");
        message.setId("job-message");
        chart.setId("job-chart");
        missing.setId("job-missing");
        lineage.setPadding(false);
        lineage.setSpacing(false);
        details.setPadding(false);
        cancel.setId("job-cancel");
        retry.setId("job-retry");
        cancel.addClickListener(click -> act(() -> control.cancel(user, jobId)));
        retry.addClickListener(click -> act(() -> jobs.retry(user, jobId)));
        scheduling.setId("job-scheduling");
        HorizontalLayout stateLine = new HorizontalLayout(new Span("State:"), state);
        if (user.hasRole(Roles.ML_ENGINEER)) {
            stateLine.add(cancel, retry);
        }
        details.add(stateLine, scheduling, progress, message,
                new H3("Learning curves"), chart, metricsGrid, new H3("Lineage"), lineage);
        add(title, missing, details);
        LiveRefresh.bind(this, updates::subscribe,
                update -> jobId != null && update.jobId() == jobId && user.isMemberOf(update.team()), this::reload);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(JOB_ID).orElse("");
        jobId = null;
        try {
            jobId = Long.parseLong(raw);
            refresh();
        } catch (NumberFormatException | ProblemException notVisible) {
            jobId = null;
            showMissing(raw);
        }
    }

    /** A live update: the job may have become invisible meanwhile (e.g. the user left the team). */
    private void reload() {
        if (jobId == null) {
            return;
        }
        long shown = jobId;
        try {
            refresh();
        } catch (ProblemException notVisible) {
            jobId = null;
            showMissing(String.valueOf(shown));
        }
    }

    private void refresh() {
        TrainingJob job = jobs.get(user, jobId);
        List<JobMetric> metrics = jobs.metrics(user, jobId);
        title.setText("Job " + job.id + ": " + job.kind + " " + job.modelName);
        missing.setVisible(false);
        details.setVisible(true);
        state.setText(job.state.name());
        cancel.setVisible(!job.state.isTerminal());
        retry.setVisible(job.state == JobState.FAILED || job.state == JobState.CANCELLED);
        var plan = job.scheduling();
        scheduling.setText("Priority " + plan.priority() + ", " + plan.resources().gpus() + " GPUs, "
                + plan.resources().cpu() + " CPU, " + plan.resources().memoryMiB() + " MiB, at most "
                + plan.maxRuntimeMinutes() + " minutes, attempt " + job.attempt);
        progress.setValue(job.progress());
        message.setText(job.message == null ? "" : job.message);
        metricsGrid.setItems(metrics);
        chart.setSeries(JobCurves.labels(metrics), JobCurves.series(metrics));
        showLineage(job);
    }

    private void act(java.util.function.Supplier<TrainingJob> action) {
        try {
            action.get();
            refresh();
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }

    private void showMissing(String raw) {
        title.setText("Job");
        missing.setText("Job " + raw + " does not exist");
        missing.setVisible(true);
        details.setVisible(false);
        // Hidden is not enough: nothing of a previously shown job stays in the page.
        state.setText("");
        progress.setValue(0);
        message.setText("");
        metricsGrid.setItems(List.of());
        chart.setSeries(List.of(), Map.of());
        lineage.removeAll();
    }

    private void showLineage(TrainingJob job) {
        lineage.removeAll();
        lineage.add(new Span("Dataset: " + job.datasetVersion.label()));
        lineage.add(new Span("Base version: "
                + (job.baseVersion == null ? "none (trained from scratch)" : job.baseVersion.label())));
        if (job.evaluatedVersion != null) {
            lineage.add(new Span("Evaluated version: " + job.evaluatedVersion.label()));
        }
        lineage.add(resultLine(job.resultVersion));
        lineage.add(new Span("Created by " + job.createdBy + ", attempt " + job.attempt));
    }

    private static HorizontalLayout resultLine(ModelVersion result) {
        HorizontalLayout line = new HorizontalLayout(new Span("Result version:"));
        line.setSpacing(true);
        if (result == null) {
            line.add(new Span("none yet"));
        } else {
            Anchor link = new Anchor("models", result.label());
            link.setId("job-result-version");
            line.add(link);
        }
        return line;
    }
}
