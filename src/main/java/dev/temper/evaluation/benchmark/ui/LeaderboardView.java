package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.EvaluationRecorded;
import dev.temper.evaluation.benchmark.Benchmark;
import dev.temper.evaluation.benchmark.BenchmarkChart;
import dev.temper.evaluation.benchmark.BenchmarkRow;
import dev.temper.evaluation.benchmark.BenchmarkService;
import dev.temper.evaluation.benchmark.ChartPoint;
import dev.temper.evaluation.benchmark.LeaderboardFilter;
import dev.temper.registry.ModelRegistryService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import dev.temper.ui.ScatterChart;
import dev.temper.ui.ScatterChart.Point;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One benchmark's leaderboard: clean vs robust accuracy of the ranking's first rows as a chart, and below it every
 * row, loaded page by page and sorted and filtered by the database. Unreliable rows are set apart (ranked after
 * every reliable one), stale rows marked. A benchmark of another team reads exactly like a missing one.
 */
@Route(value = "leaderboards/:" + LeaderboardView.BENCHMARK_ID, layout = MainLayout.class)
@PageTitle("Leaderboard | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class LeaderboardView extends VerticalLayout implements BeforeEnterObserver {

    public static final String BENCHMARK_ID = "benchmarkId";

    private final CurrentUser user;
    private final BenchmarkService benchmarks;
    private final ModelRegistryService models;
    private final LiveUpdates updates;
    private Long benchmarkId;

    public LeaderboardView(SecurityIdentity identity, BenchmarkService benchmarks, ModelRegistryService models,
            LiveUpdates updates) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.benchmarks = benchmarks;
        this.models = models;
        this.updates = updates;
        // The page scrolls: the chart keeps its height and the grid gets room for a screenful of rows.
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(BENCHMARK_ID).orElse("");
        removeAll();
        try {
            show(benchmarks.get(user, Long.parseLong(raw)));
        } catch (NumberFormatException | ProblemException notVisible) {
            Span missing = new Span("No benchmark " + raw + " among your teams' benchmarks.");
            missing.setId("leaderboard-missing");
            add(new H2("Leaderboard"), missing);
        }
    }

    private void show(Benchmark benchmark) {
        benchmarkId = benchmark.id;
        List<Double> epsilons = benchmark.epsilons();
        H2 title = new H2(benchmark.name);
        title.setId("leaderboard-title");
        Paragraph definition = new Paragraph(benchmark.datasetVersion.label() + " test split; "
                + benchmark.threatModel().describe() + "; suite " + benchmark.suite + ". Robust columns count an "
                + "example only if no attack of the suite at that strength fooled it, with the 95% interval. Rows "
                + "marked unreliable failed a reliability check and rank below every reliable row; stale rows were "
                + "measured with another suite and rank after the current ones.");
        definition.setId("leaderboard-threat-models");
        ScatterChart chart = new ScatterChart();
        chart.setId("leaderboard-chart");
        chart.setHeight("240px");
        Span chartNote = new Span();
        chartNote.setId("leaderboard-chart-note");
        Grid<BenchmarkRow> grid = new Grid<>();
        grid.setId("leaderboard-grid");
        grid.setMultiSort(false);
        grid.setHeight("36rem");
        LeaderboardColumns.addTo(grid, epsilons);
        LeaderboardFilters filters = new LeaderboardFilters(() -> grid.getDataProvider().refreshAll());
        grid.setItems(query -> {
            LeaderboardFilter filter;
            try {
                filter = filters.value();
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
                return Stream.empty();
            }
            return LazyPaging.fetch(query,
                    request -> benchmarks.leaderboard(user, benchmark.id, filter, LazyPaging.sort(query), request));
        });
        Runnable drawChart = () -> draw(chart, chartNote, benchmarks.chart(user, benchmark.id));
        drawChart.run();
        add(title, definition, chart, chartNote);
        if (user.hasRole(Roles.ML_ENGINEER)) {
            add(new EvaluateOnBenchmarkPanel(user, benchmark, (name, offset, limit) -> models
                    .pickForEvaluation(user, benchmark.datasetVersion, name, offset, limit).stream(), benchmarks));
        }
        add(filters, grid);
        updates.bind(this, EvaluationRecorded.class,
                recorded -> benchmarkId.equals(recorded.benchmarkId()) && user.isMemberOf(recorded.team()), () -> {
                    drawChart.run();
                    grid.getDataProvider().refreshAll();
                });
    }

    private static void draw(ScatterChart chart, Span note, BenchmarkChart data) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        series.put("reliable", new ArrayList<>());
        series.put("unreliable", new ArrayList<>());
        series.put("stale", new ArrayList<>());
        for (ChartPoint p : data.points()) {
            if (p.robust() != null) {
                series.get(p.stale() ? "stale" : p.reliable() ? "reliable" : "unreliable")
                        .add(new Point(p.clean(), p.robust(), p.modelVersion()));
            }
        }
        String epsilon = BigDecimal.valueOf(data.epsilon()).stripTrailingZeros().toPlainString();
        chart.setSeries("Clean accuracy", "Robust accuracy at ε=" + epsilon + " (worst case)", series);
        note.setText(data.total() <= data.points().size()
                ? "Each point is a model version on this benchmark (" + data.total() + ")."
                : "The chart shows the first " + data.points().size() + " of " + data.total()
                        + " rows by ranking; the table below has them all.");
    }
}
