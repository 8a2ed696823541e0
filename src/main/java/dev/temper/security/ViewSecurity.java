package dev.temper.security;

import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Guards every navigation of every UI with the views' access annotations. The Quarkus extension has no
 * view-security helper of its own, so the access control is registered here when Vaadin starts.
 */
@ApplicationScoped
public class ViewSecurity {

    /** Route of the page shown instead of a view the user may not open. */
    public static final String ACCESS_DENIED_ROUTE = "access-denied";

    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(
                new IdentityNavigationAccessControl(ACCESS_DENIED_ROUTE)));
    }
}
