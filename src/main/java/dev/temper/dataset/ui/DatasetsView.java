package dev.temper.dataset.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.dataset.DatasetConfig;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;

/** The team's dataset versions; ml-engineers also register new ones. A click opens a version's page. */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("Datasets | Temper")
@Menu(title = "Datasets", order = 1)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class DatasetsView extends VerticalLayout {

    private final CurrentUser user;
    private final DatasetService datasets;
    private final Grid<DatasetVersion> grid = new Grid<>();
    private final Checkbox showArchived = new Checkbox("Show archived versions");

    public DatasetsView(SecurityIdentity identity, DatasetService datasets, DatasetConfig limits) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.datasets = datasets;
        setSizeFull();
        add(new H2("Datasets"));
        if (user.hasRole(Roles.ML_ENGINEER)) {
            add(new DatasetUploadForm(user, datasets, limits, registered -> refresh()));
        }
        configureGrid();
        showArchived.setId("show-archived");
        showArchived.addValueChangeListener(change -> refresh());
        add(showArchived, grid);
    }

    private void configureGrid() {
        grid.setId("datasets-grid");
        // Page by page from the database; the checkbox is read on every fetch, so a refresh applies it.
        grid.setItems(query -> datasets.page(user, null, showArchived.getValue(), LazyPaging.request(query),
                LazyPaging.sort(query)).items().stream());
        grid.addColumn(DatasetVersion::label).setHeader("Dataset").setAutoWidth(true).setSortProperty("name");
        grid.addColumn(v -> v.kind + " " + DatasetView.shape(v)).setHeader("Samples are").setAutoWidth(true);
        grid.addColumn(v -> v.rowCount).setHeader("Samples").setAutoWidth(true);
        grid.addColumn(v -> v.trainCount + " / " + v.validationCount + " / " + v.testCount)
                .setHeader("Train / val / test").setAutoWidth(true);
        grid.addColumn(v -> v.classNames().size()).setHeader("Classes").setAutoWidth(true);
        grid.addColumn(DatasetView::origin).setHeader("Origin").setAutoWidth(true);
        grid.addColumn(v -> v.archived() ? "archived" : "").setHeader("Status").setAutoWidth(true);
        grid.addColumn(v -> Formats.shortSha(v.sha256)).setHeader("SHA-256").setAutoWidth(true);
        grid.addColumn(v -> v.createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(v -> Formats.time(v.createdAt)).setHeader("Created at").setAutoWidth(true)
                .setSortProperty("created");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DatasetView.class,
                new RouteParameters(DatasetView.VERSION_ID, String.valueOf(click.getItem().id)))));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
