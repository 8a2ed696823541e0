package dev.temper.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.security.ViewSecurity;
import jakarta.annotation.security.PermitAll;

/** Where navigation to a view the user's roles do not allow ends up. */
@Route(value = ViewSecurity.ACCESS_DENIED_ROUTE, layout = MainLayout.class)
@PageTitle("Access denied | Temper")
@PermitAll
public class AccessDeniedView extends VerticalLayout {

    public AccessDeniedView() {
        setId("access-denied");
        add(new H2("Access denied"),
                new Paragraph("Your roles do not allow you to open that page. "
                        + "If you need it, ask an admin of your team to grant you the matching role."),
                new Anchor("", "Back to the start page"));
    }
}
