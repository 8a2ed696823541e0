package dev.temper.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;

/** Start page: what Temper does, then the sections the features contribute (each team's production model). */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home | Temper")
@Menu(title = "Home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(SecurityIdentity identity, Instance<HomeSection> sections) {
        CurrentUser user = CurrentUserProvider.fromIdentity(identity);
        add(new H2("Temper"), new Paragraph("Register datasets, train and fine-tune models, compare their clean and "
                + "adversarial accuracy on the leaderboard, and promote a version to production after a "
                + "second person has approved it."));
        sections.stream().sorted(Comparator.comparingInt(HomeSection::order))
                .forEach(section -> add(section.create(user)));
        if (user.teams().isEmpty()) {
            add(new Paragraph("You belong to no team yet; ask an admin to add you to one."));
        }
    }
}
