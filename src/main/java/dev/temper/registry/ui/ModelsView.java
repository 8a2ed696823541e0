package dev.temper.registry.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;

/**
 * Registered model versions with their lineage, and the actions other features offer on them (asking for a
 * version to go to production, for one).
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models | Temper")
@Menu(title = "Models", order = 3)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class ModelsView extends VerticalLayout {

    private final CurrentUser user;
    private final ModelRegistryService models;
    private final Instance<ModelActions> actions;
    private final Grid<ModelVersion> grid = new Grid<>();

    public ModelsView(SecurityIdentity identity, ModelRegistryService models, Instance<ModelActions> actions) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.models = models;
        this.actions = actions;
        setSizeFull();
        configureGrid();
        add(new H2("Models"), grid);
        // Page by page from the database as the user scrolls; sorting by a column re-reads in that order.
        grid.setItems(query -> models.page(user, null, null, LazyPaging.request(query), LazyPaging.sort(query))
                .items().stream());
    }

    private void configureGrid() {
        grid.setId("models-grid");
        grid.addComponentColumn(ModelVersionView::link).setHeader("Model").setAutoWidth(true).setSortProperty("name");
        grid.addColumn(v -> v.baseVersion == null ? "—" : v.baseVersion.label()).setHeader("Base").setAutoWidth(true);
        grid.addColumn(v -> v.datasetVersion.label()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(v -> v.jobId).setHeader("Job").setAutoWidth(true);
        grid.addColumn(v -> Formats.shortSha(v.sha256)).setHeader("SHA-256").setAutoWidth(true);
        grid.addColumn(v -> v.createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(v -> Formats.time(v.createdAt)).setHeader("Created at").setAutoWidth(true)
                .setSortProperty("created");
        for (ModelActions action : actions) {
            if (action.shownTo(user)) {
                grid.addComponentColumn(version -> action.create(user, version)).setHeader(action.header())
                        .setAutoWidth(true);
            }
        }
    }
}
