package dev.temper.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelRegistryService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Start page: what Temper does and which model version each of the user's teams serves. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home | Temper")
@Menu(title = "Home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(SecurityIdentity identity, ModelRegistryService models) {
        CurrentUser user = CurrentUserProvider.fromIdentity(identity);
        add(new H2("Temper"), new Paragraph("Register datasets, train and fine-tune models, compare their clean and "
                + "adversarial accuracy on the leaderboard, and promote a version to production after a "
                + "second person has approved it."));
        add(new H3("Production models"));
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
            add(line);
        }
        if (user.teams().isEmpty()) {
            add(new Paragraph("You belong to no team yet; ask an admin to add you to one."));
        }
    }
}
