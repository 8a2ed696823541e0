package dev.temper.dataset.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;

/** The team's dataset versions; ml-engineers also register new ones by uploading a CSV file. */
@Route(value = "datasets", layout = MainLayout.class)
@PageTitle("Datasets | Temper")
@Menu(title = "Datasets", order = 1)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class DatasetsView extends VerticalLayout {

    private final CurrentUser user;
    private final DatasetService datasets;
    private final Grid<DatasetVersion> grid = new Grid<>();

    public DatasetsView(SecurityIdentity identity, DatasetService datasets) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.datasets = datasets;
        setSizeFull();
        add(new H2("Datasets"));
        if (user.hasRole(Roles.ML_ENGINEER)) {
            add(new DatasetUploadForm(user, datasets, registered -> refresh()));
        }
        configureGrid();
        add(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("datasets-grid");
        grid.addColumn(DatasetVersion::label).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(v -> v.rowCount).setHeader("Rows").setAutoWidth(true);
        grid.addColumn(v -> v.trainCount).setHeader("Train").setAutoWidth(true);
        grid.addColumn(v -> v.validationCount).setHeader("Validation").setAutoWidth(true);
        grid.addColumn(v -> v.testCount).setHeader("Test").setAutoWidth(true);
        grid.addColumn(v -> classes(v.classCounts())).setHeader("Classes (rows)").setAutoWidth(true);
        grid.addColumn(v -> Formats.shortSha(v.sha256)).setHeader("SHA-256").setAutoWidth(true);
        grid.addColumn(v -> v.createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(v -> Formats.time(v.createdAt)).setHeader("Created at").setAutoWidth(true);
    }

    private static String classes(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private void refresh() {
        grid.setItems(datasets.list(user));
    }
}
