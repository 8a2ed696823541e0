package dev.temper.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelRegistryService;
import dev.temper.security.CurrentUser;
import dev.temper.ui.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The home page's list of which model version each of the user's teams serves in production. */
@ApplicationScoped
class ProductionModelsSection implements HomeSection {

    private final ModelRegistryService models;

    ProductionModelsSection(ModelRegistryService models) {
        this.models = models;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create(CurrentUser user) {
        VerticalLayout section = new VerticalLayout(new H3("Production models"));
        section.setPadding(false);
        section.setSpacing(false);
        List<ModelAlias> production = models.aliases(user).stream()
                .filter(alias -> ModelAlias.PRODUCTION.equals(alias.alias))
                .toList();
        for (String team : user.teams()) {
            Span line = new Span(production.stream()
                    .filter(alias -> alias.team.equals(team))
                    .findFirst()
                    .map(alias -> team + " production: " + alias.modelVersion.label())
                    .orElse(team + " production: none yet"));
            line.setId("production-" + team);
            section.add(line);
        }
        return section;
    }
}
