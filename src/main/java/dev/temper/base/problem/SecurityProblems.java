package dev.temper.base.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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
            Problem.send(context, 403, "Forbidden", "Your role does not allow this action");
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            Problem.send(context, 401, "Unauthorized", "Sign in or send a valid token");
        } else {
            context.next();
        }
    }
}
