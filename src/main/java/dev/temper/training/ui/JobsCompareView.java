package dev.temper.training.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobMetric;
import dev.temper.training.JobService;
import dev.temper.training.JobUpdated;
import dev.temper.training.TrainingJob;
import dev.temper.ui.Formats;
import dev.temper.ui.LineChart;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two or more jobs' curves on shared axes ({@code jobs/compare?ids=3,5}): validation accuracy and loss and
 * the learning rate per epoch, pushed while any of them runs. A job of another team reads exactly like a
 * missing one.
 */
@Route(value = "jobs/compare", layout = MainLayout.class)
@PageTitle("Compare jobs | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class JobsCompareView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameter: the jobs' ids, comma separated. */
    static final String IDS = "ids";

    private final CurrentUser user;
    private final JobService jobs;
    private final Span missing = new Span();
    private final VerticalLayout details = new VerticalLayout();
    private final Grid<CompareRow> summary = new Grid<>();
    private final LineChart accuracyChart = new LineChart();
    private final LineChart lossChart = new LineChart();
    private final LineChart learningRateChart = new LineChart();
    /** Empty while nothing is shown; live updates are ignored then. */
    private final Set<Long> jobIds = new LinkedHashSet<>();

    /** One compared job with its best epoch, for the table beside the charts. */
    record CompareRow(TrainingJob job, List<JobMetric> metrics) {

        String bestValidationAccuracy() {
            return metrics.stream().map(m -> m.validationAccuracy).max(Double::compare).map(Formats::percent)
                    .orElse("—");
        }
    }

    public JobsCompareView(SecurityIdentity identity, JobService jobs, LiveUpdates updates) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.jobs = jobs;
        missing.setId("compare-missing");
        details.setPadding(false);
        summary.setId("compare-jobs");
        summary.setAllRowsVisible(true);
        summary.addColumn(row -> row.job().id).setHeader("Job").setAutoWidth(true).setFlexGrow(0);
        summary.addColumn(row -> row.job().modelName).setHeader("Model").setAutoWidth(true);
        summary.addColumn(row -> row.job().kind).setHeader("Kind").setAutoWidth(true);
        summary.addColumn(row -> row.job().state).setHeader("State").setAutoWidth(true);
        summary.addColumn(row -> row.job().epochsDone + "/" + row.job().epochsTotal).setHeader("Epochs").setAutoWidth(true);
        summary.addColumn(CompareRow::bestValidationAccuracy).setHeader("Best validation accuracy").setAutoWidth(true);
        accuracyChart.setId("compare-accuracy-chart");
        lossChart.setId("compare-loss-chart");
        learningRateChart.setId("compare-learning-rate-chart");
        details.add(summary, new H4("Validation accuracy"), accuracyChart, new H4("Validation loss"), lossChart,
                new H4("Learning rate"), learningRateChart);
        add(new H2("Compare jobs"), missing, details);
        updates.bind(this, JobUpdated.class,
                update -> jobIds.contains(update.jobId()) && user.isMemberOf(update.team()), this::reload);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = String.join(",", event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(IDS, List.of()));
        jobIds.clear();
        List<String> parts = Arrays.stream(raw.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        for (String part : parts) {
            try {
                jobIds.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                showMissing("Job " + part + " does not exist");
                return;
            }
        }
        if (jobIds.size() < 2) {
            showMissing("Pick two or more jobs to compare, e.g. jobs/compare?ids=3,5");
            return;
        }
        reload();
    }

    /** A job may have become invisible meanwhile (e.g. the user left its team): then nothing is shown. */
    private void reload() {
        if (jobIds.isEmpty()) {
            return;
        }
        List<CompareRow> rows = new ArrayList<>();
        for (long id : jobIds) {
            try {
                rows.add(new CompareRow(jobs.get(user, id), jobs.metrics(user, id)));
            } catch (ProblemException notVisible) {
                showMissing(notVisible.getMessage());
                return;
            }
        }
        missing.setVisible(false);
        details.setVisible(true);
        summary.setItems(rows);
        Map<String, List<JobMetric>> byJob = new LinkedHashMap<>();
        rows.forEach(row -> byJob.put("Job " + row.job().id + " " + row.job().modelName, row.metrics()));
        List<String> epochs = JobCurves.epochAxis(byJob);
        accuracyChart.setSeries(epochs, JobCurves.compare(byJob, m -> m.validationAccuracy));
        lossChart.setSeries(epochs, JobCurves.compare(byJob, m -> m.validationLoss));
        learningRateChart.setSeries(epochs, JobCurves.compare(byJob, m -> m.learningRate));
    }

    private void showMissing(String text) {
        jobIds.clear();
        missing.setText(text);
        missing.setVisible(true);
        details.setVisible(false);
        // Hidden is not enough: nothing of a previously shown job stays in the page.
        summary.setItems(List.of());
        List.of(accuracyChart, lossChart, learningRateChart).forEach(c -> c.setSeries(List.of(), Map.of()));
    }
}
