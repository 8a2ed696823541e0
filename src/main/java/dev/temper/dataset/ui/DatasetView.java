package dev.temper.dataset.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.noise.LabelNoiseService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One dataset version: what it holds, where it came from, its profile with charts, the label-noise review
 * and the operations that derive cleaned, re-split or shifted versions from it. A version of another
 * team reads exactly like a missing one.
 */
@Route(value = "datasets/:" + DatasetView.VERSION_ID, layout = MainLayout.class)
@PageTitle("Dataset | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class DatasetView extends VerticalLayout implements BeforeEnterObserver {

    static final String VERSION_ID = "versionId";

    private final CurrentUser user;
    private final DatasetService datasets;
    private final LabelNoiseService labelNoise;
    private final LiveUpdates updates;
    private final Instance<DatasetPageSection> sections;
    private final H2 title = new H2();
    private final Span missing = new Span();
    private final VerticalLayout details = new VerticalLayout();

    public DatasetView(SecurityIdentity identity, DatasetService datasets, LabelNoiseService labelNoise,
            LiveUpdates updates, Instance<DatasetPageSection> sections) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.datasets = datasets;
        this.labelNoise = labelNoise;
        this.updates = updates;
        this.sections = sections;
        missing.setId("dataset-missing");
        details.setPadding(false);
        add(title, missing, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(VERSION_ID).orElse("");
        try {
            show(datasets.get(user, Long.parseLong(raw)));
        } catch (NumberFormatException | ProblemException notVisible) {
            title.setText("Dataset");
            missing.setText("Dataset version " + raw + " does not exist");
            missing.setVisible(true);
            details.removeAll();
        }
    }

    private void show(DatasetVersion version) {
        title.setText(version.label() + (version.archived() ? " (archived)" : ""));
        title.setId("dataset-title");
        missing.setVisible(false);
        details.removeAll();
        details.add(summary(version));
        if (user.hasRole(Roles.ML_ENGINEER)) {
            details.add(lifecycleActions(version));
        }
        details.add(new H3("Lineage"), lineage(version));
        if (version.profileJson == null) {
            details.add(new Span("This version was registered before profiles existed; upload it again to profile it."));
            return;
        }
        details.add(new ProfilePanel(version, datasets.profile(version), datasets));
        details.add(new LabelNoisePanel(user, version, labelNoise, datasets, updates, this::open));
        if (user.hasRole(Roles.ML_ENGINEER)) {
            details.add(new DerivePanel(user, version, datasets, this::open));
        }
        sections.forEach(section -> section.create(user, version).ifPresent(details::add));
    }

    private VerticalLayout summary(DatasetVersion v) {
        Span text = new Span(v.rowCount + " samples, " + v.kind.name().toLowerCase() + " " + shape(v) + ", "
                + v.classNames().size() + " classes; split " + v.trainCount + " / " + v.validationCount + " / "
                + v.testCount + " (train / validation / test, shares " + v.trainRatio + " / " + v.validationRatio
                + " / " + v.testRatio + ", seed " + v.splitSeed + ")");
        text.setId("dataset-summary");
        Span identity = new Span("SHA-256 " + v.sha256 + ", " + Formats.bytes(v.sizeBytes) + ", created by "
                + v.createdBy + " at " + Formats.time(v.createdAt)
                + (v.archived() ? "; archived by " + v.archivedBy + " at " + Formats.time(v.archivedAt) : ""));
        Span unit = new Span("Robustness evaluations measure attack radii (epsilon) in "
                + v.epsilonUnit().description() + (v.parent == null ? "" : " (as its parent)") + ".");
        unit.setId("dataset-epsilon-unit");
        VerticalLayout layout = new VerticalLayout(text, identity, unit);
        if (v.missingSamples > 0) {
            Span warning = new Span(v.missingSamples + " samples have missing values: derive a cleaned version "
                    + "(drop or impute) before training on it.");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            layout.add(warning);
        }
        layout.setPadding(false);
        layout.setSpacing(false);
        return layout;
    }

    private HorizontalLayout lifecycleActions(DatasetVersion version) {
        Button archive = new Button(version.archived() ? "Restore" : "Archive", click -> act(() ->
                version.archived() ? datasets.restore(user, version.id) : datasets.archive(user, version.id)));
        archive.setId("dataset-archive");
        Button delete = new Button("Delete", click -> {
            try {
                datasets.delete(user, version.id);
                ProblemNotification.success("Deleted " + version.label());
                getUI().ifPresent(ui -> ui.navigate(DatasetsView.class));
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
            }
        });
        delete.setId("dataset-delete");
        return new HorizontalLayout(archive, delete);
    }

    private void act(Supplier<DatasetVersion> action) {
        try {
            show(action.get());
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }

    private Grid<DatasetVersion> lineage(DatasetVersion version) {
        Grid<DatasetVersion> grid = new Grid<>();
        grid.setId("dataset-lineage");
        grid.addColumn(DatasetVersion::label).setHeader("Version").setAutoWidth(true);
        grid.addColumn(DatasetView::origin).setHeader("Made by").setAutoWidth(true);
        grid.addColumn(v -> v.description == null ? "" : v.description).setHeader("What it did").setAutoWidth(true);
        grid.addColumn(v -> v.operationParamsJson).setHeader("Parameters").setAutoWidth(true);
        grid.addColumn(v -> v.createdBy + ", " + Formats.time(v.createdAt)).setHeader("Who, when").setAutoWidth(true);
        grid.setItems(datasets.lineage(user, version.id));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> open(click.getItem().id));
        return grid;
    }

    private void open(long versionId) {
        getUI().ifPresent(ui -> ui.navigate(DatasetView.class, new RouteParameters(VERSION_ID, String.valueOf(versionId))));
    }

    static String origin(DatasetVersion v) {
        if (v.parent == null) {
            return v.sourceFormat == null ? "upload" : "upload (" + v.sourceFormat + ")";
        }
        return v.operation + " of " + v.parent.label();
    }

    static String shape(DatasetVersion v) {
        return v.shape().stream().map(String::valueOf).collect(Collectors.joining("x"));
    }
}
