package dev.temper.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Frame of every view. The menu comes from the views' {@code @Menu} annotations, filtered by the same
 * access rules that guard navigation, so it lists exactly the views the user may open (and this
 * package needs to know none of them).
 */
public class MainLayout extends AppLayout {

    private static final List<String> KNOWN_ROLES =
            List.of(Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN);

    public MainLayout(SecurityIdentity identity) {
        CurrentUser user = CurrentUserProvider.fromIdentity(identity);
        addToNavbar(new DrawerToggle(), title(), userInfo(user), signOut());
        addToDrawer(menu());
    }

    private static H1 title() {
        H1 title = new H1("Temper");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        return title;
    }

    private static HorizontalLayout userInfo(CurrentUser user) {
        String roles = user.roles().stream().filter(KNOWN_ROLES::contains).sorted().collect(Collectors.joining(", "));
        Span name = new Span(user.username());
        name.setId("current-user");
        name.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Span teams = new Span("teams: " + (user.teams().isEmpty() ? "none" : String.join(", ", user.teams())));
        teams.setId("current-teams");
        Span roleText = new Span("roles: " + (roles.isEmpty() ? "none" : roles));
        roleText.setId("current-roles");
        HorizontalLayout info = new HorizontalLayout(name, teams, roleText);
        info.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        info.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // Pushes the user's details and the sign-out link to the right-hand side of the bar.
        info.getStyle().set("margin-left", "auto");
        return info;
    }

    private static Anchor signOut() {
        Anchor signOut = new Anchor("/logout", "Sign out");
        signOut.setId("sign-out");
        // A full page load, so that Quarkus OIDC handles the path instead of Vaadin's router.
        signOut.setRouterIgnore(true);
        signOut.getStyle().set("margin", "0 var(--lumo-space-m)");
        return signOut;
    }

    private static SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));
        return nav;
    }
}
