package dev.temper.registry.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.temper.base.problem.ProblemException;
import dev.temper.registry.Lineage;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelArchive;
import dev.temper.registry.ModelPageService;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * One model version: what it is, its lineage as a graph, the aliases that point at it and its SavedModel archive
 * to download, then what downstream features add (strategy and job, evaluations and the name's history, approvals,
 * the model card). A version of another team reads exactly like a missing one.
 */
@Route(value = "models/:" + ModelVersionView.MODEL_ID, layout = MainLayout.class)
@PageTitle("Model version | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class ModelVersionView extends VerticalLayout implements BeforeEnterObserver {

    public static final String MODEL_ID = "modelId";

    private final CurrentUser user;
    private final ModelRegistryService models;
    private final ModelPageService pages;
    private final List<ModelPageSection> sections;
    private final H2 title = new H2("Model version");
    private final Span missing = new Span();
    private final VerticalLayout details = new VerticalLayout();

    public ModelVersionView(SecurityIdentity identity, ModelRegistryService models, ModelPageService pages,
            Instance<ModelPageSection> sections) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.models = models;
        this.pages = pages;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ModelPageSection::order)).toList();
        title.setId("model-title");
        missing.setId("model-missing");
        details.setPadding(false);
        add(title, missing, details);
    }

    /** A link to a version's page, for grids and other pages. */
    public static RouterLink link(ModelVersion version) {
        return new RouterLink(version.label(), ModelVersionView.class,
                new RouteParameters(MODEL_ID, String.valueOf(version.id)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(MODEL_ID).orElse("");
        try {
            show(models.get(user, Long.parseLong(raw)));
        } catch (NumberFormatException | ProblemException notVisible) {
            title.setText("Model version");
            missing.setText("Model version " + raw + " does not exist");
            missing.setVisible(true);
            details.removeAll();
        }
    }

    private void show(ModelVersion version) {
        title.setText(version.label());
        missing.setVisible(false);
        details.removeAll();
        details.add(summary(version), downloads(version));
        Lineage lineage = pages.lineage(user, version.id);
        details.add(new H3("Lineage"), lineageGraph(lineage));
        for (ModelPageSection section : sections) {
            section.create(user, version).ifPresent(details::add);
        }
    }

    private VerticalLayout summary(ModelVersion v) {
        Span identity = new Span("Team " + v.team + ", created by " + v.createdBy + " at " + Formats.time(v.createdAt)
                + ", SHA-256 " + v.sha256);
        identity.setId("model-identity");
        HorizontalLayout origin = new HorizontalLayout(new Span("Trained on " + v.datasetVersion.label()
                + (v.baseVersion == null ? " from scratch" : " from")));
        if (v.baseVersion != null) {
            origin.add(link(v.baseVersion));
        }
        origin.setSpacing(false);
        origin.getStyle().set("gap", "0.3em");
        List<ModelAlias> aliases = pages.aliasesOf(user, v.id);
        Span aliasLine = new Span(aliases.isEmpty() ? "No alias points at this version"
                : "Aliases: " + String.join(", ", aliases.stream().map(a -> a.alias + " (set by " + a.updatedBy + " at "
                        + Formats.time(a.updatedAt) + ")").toList()));
        aliasLine.setId("model-aliases");
        VerticalLayout summary = new VerticalLayout(identity, origin, aliasLine);
        summary.setPadding(false);
        summary.setSpacing(false);
        return summary;
    }

    private HorizontalLayout downloads(ModelVersion v) {
        Anchor archive = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                ModelArchive stored = pages.archive(user, v.id);
                return new DownloadResponse(stored.content(), stored.fileName(), "application/zip", stored.size());
            } catch (ProblemException problem) {
                return DownloadResponse.error(problem.status(), problem.detail());
            }
        }), "Download SavedModel archive (.zip)");
        archive.setId("model-archive-download");
        archive.getElement().setAttribute("download", true);
        Anchor manifest = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = models.get(user, v.id).manifestJson.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), v.name + "-v" + v.version + "-manifest.json",
                    "application/json", json.length);
        }), "Manifest (JSON)");
        manifest.setId("model-manifest-download");
        manifest.getElement().setAttribute("download", true);
        return new HorizontalLayout(archive, manifest);
    }

    private VerticalLayout lineageGraph(Lineage lineage) {
        // The SVG goes inside a div so the browser parses it as SVG, not as an unknown HTML element.
        Html graph = new Html("<div>" + LineageGraph.of(lineage).svg() + "</div>");
        VerticalLayout section = new VerticalLayout(graph);
        section.setId("model-lineage");
        section.setPadding(false);
        section.getStyle().set("overflow-x", "auto");
        if (lineage.ancestorsCut()) {
            section.add(new Span("Older base versions are not drawn; open the oldest one shown to go further."));
        }
        if (lineage.derivedTotal() > lineage.derived().size()) {
            section.add(new Span((lineage.derivedTotal() - lineage.derived().size())
                    + " more versions were fine-tuned from this one; the Models list shows them all."));
        }
        return section;
    }
}
