package dev.temper.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.server.auth.NavigationContext;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import java.util.List;
import java.util.function.Predicate;

/**
 * Vaadin's annotation-based navigation check, fed from the Quarkus {@link SecurityIdentity} so that
 * views, menu and services all see the same roles (the OIDC identity, not whatever the servlet layer
 * derives from it). Views without an access annotation are denied. A denial forwards to the
 * access-denied page rather than Vaadin's "could not navigate" error, which reads like a bug.
 */
class IdentityNavigationAccessControl extends NavigationAccessControl {

    private final String accessDeniedRoute;

    IdentityNavigationAccessControl(String accessDeniedRoute) {
        super(List.of(new AnnotatedViewAccessChecker()));
        this.accessDeniedRoute = accessDeniedRoute;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!isEnabled() || event.isErrorEvent()) {
            super.beforeEnter(event);
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        NavigationContext context = new NavigationContext(event, getPrincipal(request), getRolesChecker(request));
        boolean productionMode = event.getUI().getSession().getConfiguration().isProductionMode();
        boolean allowed = checkAccess(context, productionMode).decision() == AccessCheckDecision.ALLOW;
        if (!allowed && !accessDeniedRoute.equals(event.getLocation().getPath())) {
            event.forwardTo(accessDeniedRoute);
        }
    }

    @Override
    protected Principal getPrincipal(VaadinRequest request) {
        SecurityIdentity identity = identity();
        if (identity == null) {
            return super.getPrincipal(request);
        }
        return identity.isAnonymous() ? null : identity.getPrincipal();
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        SecurityIdentity identity = identity();
        if (identity == null) {
            return super.getRolesChecker(request);
        }
        return identity::hasRole;
    }

    /** Null outside a CDI request (never expected for navigation, which runs inside an HTTP request). */
    private static SecurityIdentity identity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(SecurityIdentity.class).get();
    }
}
