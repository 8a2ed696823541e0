package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.evaluation.benchmark.Benchmark;
import dev.temper.evaluation.benchmark.BenchmarkService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.Formats;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;

/**
 * The team's benchmarks, each a link to its leaderboard, newest first and loaded page by page; ml-engineers and
 * admins define new ones here.
 */
@Route(value = "leaderboards", layout = MainLayout.class)
@RouteAlias(value = "leaderboard", layout = MainLayout.class)
@PageTitle("Leaderboards | Temper")
@Menu(title = "Leaderboards", order = 4)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class BenchmarksView extends VerticalLayout {

    public BenchmarksView(SecurityIdentity identity, BenchmarkService benchmarks, DatasetService datasets) {
        CurrentUser user = CurrentUserProvider.fromIdentity(identity);
        setSizeFull();
        Grid<Benchmark> grid = new Grid<>();
        grid.setId("benchmark-grid");
        grid.addColumn(b -> b.name).setHeader("Benchmark").setSortable(true).setSortProperty("name")
                .setAutoWidth(true);
        grid.addColumn(b -> b.datasetVersion.label()).setHeader("Test split of").setAutoWidth(true);
        grid.addColumn(b -> b.threatModel().describe()).setHeader("Threat model").setAutoWidth(true);
        grid.addColumn(b -> b.suite).setHeader("Suite").setAutoWidth(true);
        grid.addColumn(b -> b.team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(b -> Formats.time(b.createdAt)).setHeader("Created").setSortable(true)
                .setSortProperty("created").setAutoWidth(true);
        grid.setItems(query -> LazyPaging.fetch(query,
                request -> benchmarks.page(user, request, LazyPaging.sort(query))));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(LeaderboardView.class,
                new RouteParameters(LeaderboardView.BENCHMARK_ID, String.valueOf(click.getItem().id)))));
        add(new H2("Leaderboards"), new Paragraph("A benchmark is a dataset version's test split, a threat model "
                + "and an attack suite; every model evaluated on it is ranked on its leaderboard. Pick one."));
        if (user.hasRole(Roles.ML_ENGINEER) || user.hasRole(Roles.ADMIN)) {
            BenchmarkForm form = new BenchmarkForm(
                    (name, offset, limit) -> datasets.current(user, name, offset, limit).stream());
            form.addSubmitListener(event -> {
                if (event.problem() != null) {
                    ProblemNotification.error(event.problem());
                    return;
                }
                try {
                    Benchmark created = benchmarks.create(user, event.request());
                    ProblemNotification.success("Benchmark '" + created.name + "' created");
                    grid.getDataProvider().refreshAll();
                } catch (ProblemException problem) {
                    ProblemNotification.show(problem);
                }
            });
            Details define = new Details("Define a benchmark", form);
            define.setId("benchmark-define");
            add(define);
        }
        add(grid);
    }
}
