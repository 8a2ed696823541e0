package dev.temper.base.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refusals decided by the HTTP permissions, before any resource runs (uploads, worker paths), answer problem+json
 * like the resources' own refusals; Quarkus would otherwise send an empty 403.
 */
@ApplicationScoped
public class SecurityProblems {

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(SecurityProblems::answer);
    }

    private static void answer(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten()) {
            context.next();
        } else if (failure instanceof ForbiddenException) {
            send(context, 403, "Forbidden", "Your role does not allow this action");
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            send(context, 401, "Unauthorized", "Sign in or send a valid token");
        } else {
            context.next();
        }
    }

    private static void send(RoutingContext context, int status, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
    }
}
