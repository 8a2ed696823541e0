package dev.temper.serving.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.temper.registry.ui.ModelVersionView;
import dev.temper.security.CurrentUser;
import dev.temper.serving.ServedNow;
import dev.temper.serving.ServingService;
import dev.temper.ui.Formats;
import dev.temper.ui.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * The home page's "Served now": each of the user's teams' production model, since when, and how this server's copy
 * has answered (requests, median latency), linked to the version's page.
 */
@ApplicationScoped
class ServedNowSection implements HomeSection {

    private final ServingService serving;

    ServedNowSection(ServingService serving) {
        this.serving = serving;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(CurrentUser user) {
        VerticalLayout section = new VerticalLayout(new H3("Served now"));
        section.setId("served-now");
        section.setPadding(false);
        section.setSpacing(false);
        List<ServedNow> served = serving.servedNow(user);
        if (served.isEmpty()) {
            section.add(new Span("No team of yours serves a model yet: approving a version puts it in production."));
        }
        for (ServedNow model : served) {
            RouterLink link = new RouterLink(model.model() + " v" + model.version(), ModelVersionView.class,
                    new RouteParameters(ModelVersionView.MODEL_ID, String.valueOf(model.modelVersionId())));
            Span figures = new Span(model.requests() == 0
                    ? " since " + Formats.time(model.since()) + ", no request answered yet"
                    : " since " + Formats.time(model.since()) + ", " + model.requests() + " requests answered, p50 "
                    + String.format(Locale.ROOT, "%.2f", model.p50Millis()) + " ms");
            Div line = new Div(new Span(model.team() + ": "), link, figures);
            line.setId("served-" + model.team());
            section.add(line);
        }
        return section;
    }
}
