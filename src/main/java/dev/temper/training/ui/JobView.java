package dev.temper.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.JobKind;
import dev.temper.contract.MetricPoint;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelVersionView;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobControl;
import dev.temper.training.JobEvent;
import dev.temper.training.JobLogEntry;
import dev.temper.training.JobMetric;
import dev.temper.training.JobService;
import dev.temper.training.JobState;
import dev.temper.training.JobUpdated;
import dev.temper.training.TrainingJob;
import dev.temper.ui.Formats;
import dev.temper.ui.LineChart;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One job: state, progress, time used and left, learning curves, the worker's log tail, the timeline and
 * lineage, pushed as the worker reports. A job of another team reads exactly like a missing one, so its
 * existence is not revealed.
 */
@Route(value = "jobs/:" + JobView.JOB_ID, layout = MainLayout.class)
@PageTitle("Job | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class JobView extends VerticalLayout implements BeforeEnterObserver {

    public static final String JOB_ID = "jobId";
    /** As many log lines as fit a glance; the API serves up to 5000. */
    static final int LOG_LINES = 200;
    /** Enough points for a smooth step-level curve, few enough for one quick push. */
    static final int STEP_POINTS = 300;

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
    private final Button cloneJob = new Button("Clone and edit");
    private final Span usage = new Span();
    private final Span message = new Span();
    private final LineChart lossChart = new LineChart();
    private final LineChart accuracyChart = new LineChart();
    private final LineChart learningRateChart = new LineChart();
    private final H4 robustTitle = new H4("Robust accuracy (adversarial training)");
    private final LineChart robustChart = new LineChart();
    private final LineChart stepChart = new LineChart();
    private final Pre log = new Pre();
    private final Grid<JobEvent> timeline = new Grid<>();
    private final JobMetricsGrid metricsGrid = new JobMetricsGrid();
    private final VerticalLayout lineage = new VerticalLayout();
    /** Null while no job of the user's teams is shown; live updates are ignored then. */
    private Long jobId;

    public JobView(SecurityIdentity identity, JobService jobs, JobControl control, LiveUpdates updates) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.jobs = jobs;
        this.control = control;
        title.setId("job-title");
        state.setId("job-state");
        progress.setId("job-progress");
        message.setId("job-message");
        usage.setId("job-usage");
        lossChart.setId("job-loss-chart");
        accuracyChart.setId("job-accuracy-chart");
        learningRateChart.setId("job-learning-rate-chart");
        robustChart.setId("job-robust-chart");
        stepChart.setId("job-step-chart");
        List.of(lossChart, accuracyChart, learningRateChart, robustChart, stepChart).forEach(c -> c.setHeight("260px"));
        configureLog();
        configureTimeline();
        missing.setId("job-missing");
        lineage.setPadding(false);
        lineage.setSpacing(false);
        details.setPadding(false);
        cancel.setId("job-cancel");
        retry.setId("job-retry");
        cancel.addClickListener(click -> act(() -> control.cancel(user, jobId)));
        retry.addClickListener(click -> act(() -> jobs.retry(user, jobId)));
        cloneJob.setId("job-clone");
        cloneJob.addClickListener(click -> UI.getCurrent().navigate(JobsView.class,
                QueryParameters.of(JobsView.CLONE, String.valueOf(jobId))));
        scheduling.setId("job-scheduling");
        HorizontalLayout stateLine = new HorizontalLayout(new Span("State:"), state);
        if (user.hasRole(Roles.ML_ENGINEER)) {
            stateLine.add(cancel, retry, cloneJob);
        }
        details.add(stateLine, scheduling, progress, usage, message,
                new H3("Learning curves"), new H4("Loss"), lossChart, new H4("Accuracy"), accuracyChart,
                new H4("Learning rate"), learningRateChart, robustTitle, robustChart,
                new H4("Training loss per step"), stepChart, metricsGrid,
                new H3("Log"), log, new H3("Timeline"), timeline, new H3("Lineage"), lineage);
        add(title, missing, details);
        updates.bind(this, JobUpdated.class,
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
        retry.setVisible(job.state.isRetryable());
        // Evaluation jobs are queued by Temper itself; there is no form to clone them into.
        cloneJob.setVisible(job.kind != JobKind.EVALUATE);
        var plan = job.scheduling();
        scheduling.setText("Priority " + plan.priority() + ", " + plan.resources().gpus() + " GPUs, "
                + plan.resources().cpu() + " CPU, " + plan.resources().memoryMiB() + " MiB, at most "
                + plan.maxRuntimeMinutes() + " minutes, attempt " + job.attempt);
        progress.setValue(job.progress());
        usage.setText(usageLine(job));
        message.setText(job.message == null ? "" : job.message);
        metricsGrid.setItems(metrics);
        showCurves(metrics, jobs.series(user, jobId, "step/loss", STEP_POINTS));
        showLog(jobs.logTail(user, jobId, LOG_LINES), job.attempt > 1);
        timeline.setItems(jobs.timeline(user, jobId));
        showLineage(job);
    }

    private void showCurves(List<JobMetric> metrics, List<MetricPoint> steps) {
        List<String> epochs = JobCurves.labels(metrics);
        lossChart.setSeries(epochs, JobCurves.loss(metrics));
        accuracyChart.setSeries(epochs, JobCurves.accuracy(metrics));
        learningRateChart.setSeries(epochs, JobCurves.learningRate(metrics));
        boolean robust = JobCurves.hasRobustAccuracy(metrics);
        robustTitle.setVisible(robust);
        robustChart.setVisible(robust);
        robustChart.setSeries(epochs, robust ? JobCurves.robustAccuracy(metrics) : Map.of());
        stepChart.setSeries(JobCurves.stepLabels(steps), JobCurves.stepValues("Train loss", steps));
    }

    /** Lines of earlier attempts are marked, so a retry's fresh start is not read as a reset. */
    private void showLog(List<JobLogEntry> lines, boolean severalAttempts) {
        log.setText(lines.isEmpty() ? "No log lines yet" : lines.stream()
                .map(l -> severalAttempts ? "[attempt " + l.attempt() + "] " + l.line() : l.line())
                .collect(Collectors.joining("\n")));
        // Follow the tail, as a terminal does.
        log.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    /** Checkpoint, attempt, compute used and time left: what a user checks on a long run. */
    private static String usageLine(TrainingJob job) {
        Instant now = Instant.now();
        return "Checkpoint: " + (job.checkpointEpoch == 0 ? "none yet" : "epoch " + job.checkpointEpoch)
                + " · attempt " + job.attempt + " · "
                + (job.gpus > 0 ? "GPU time " : "") + JobFormats.usage(job.gpus, job.runSeconds(now), job.gpuSeconds(now))
                + " · ETA " + JobFormats.eta(job.etaSeconds(now));
    }

    private void configureLog() {
        log.setId("job-log");
        log.setWidthFull();
        log.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)").set("max-height", "320px").set("overflow", "auto")
                .set("margin", "0").set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)").set("white-space", "pre-wrap");
    }

    private void configureTimeline() {
        timeline.setId("job-timeline");
        timeline.setAllRowsVisible(true);
        timeline.addColumn(e -> Formats.time(e.at)).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> e.kind).setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> e.message == null ? "" : e.message).setHeader("Message").setFlexGrow(1);
    }

    private void act(Supplier<TrainingJob> action) {
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
        usage.setText("");
        message.setText("");
        metricsGrid.setItems(List.of());
        showCurves(List.of(), List.of());
        log.setText("");
        timeline.setItems(List.of());
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
            RouterLink link = ModelVersionView.link(result);
            link.setId("job-result-version");
            line.add(link);
        }
        return line;
    }
}
