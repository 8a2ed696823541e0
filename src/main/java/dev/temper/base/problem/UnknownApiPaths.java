package dev.temper.base.problem;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an {@code /api/} path no resource serves with 404 problem+json. Without it the request falls through to
 * the Vaadin servlet, which answers 200 with the application's HTML page: a client that typed a wrong path (or a
 * method the path does not take) would be told it succeeded.
 */
@ApplicationScoped
public class UnknownApiPaths {

    /** After Quarkus REST (which passes on what it does not serve), before the servlet container. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_DEFAULT - 1;

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(UnknownApiPaths::notFound);
    }

    private static void notFound(RoutingContext context) {
        Problem.send(context, 404, "Not Found",
                "No API resource answers " + context.request().method() + " " + context.normalizedPath());
    }
}
