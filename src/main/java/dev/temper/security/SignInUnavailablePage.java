package dev.temper.security;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * A browser that is not signed in is redirected to Keycloak; when Keycloak does not answer, that redirect ends in
 * the browser's own connection error. So before the redirect is made, a page load without a session asks
 * {@link IdentityProviderProbe} whether Keycloak answers, and if not gets a plain 503 page that says what is wrong.
 * Signed-in sessions and API calls with bearer tokens are not probed: their tokens are verified locally (the
 * realm's keys were fetched at start), so they keep working while Keycloak is away.
 */
@ApplicationScoped
public class SignInUnavailablePage {

    /** Before Quarkus's HTTP authentication, which runs as a filter of priority 200 (route order -200). */
    static final int ORDER = -1_000;

    static final String RETRY_AFTER_SECONDS = "60";

    /** The code flow's session cookies: q_session, its split parts and a tenant's. */
    private static final String SESSION_COOKIE_PREFIX = "q_session";
    private static final Set<HttpMethod> PAGE_LOADS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final IdentityProviderProbe probe;
    private final String identityProviderUrl;

    SignInUnavailablePage(IdentityProviderProbe probe, SignInConfig config) {
        this.probe = probe;
        this.identityProviderUrl = config.identityProviderUrl();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (!wouldBeSentToSignIn(context)) {
            context.next();
            return;
        }
        Context here = Vertx.currentContext();
        probe.reachable().onComplete(reachable -> here.runOnContext(ignored -> {
            if (reachable.succeeded() && reachable.result()) {
                context.next();
            } else {
                answer(context);
            }
        }));
    }

    /** A page load with no credentials, on a path that needs them: the web tenant would redirect it to Keycloak. */
    private static boolean wouldBeSentToSignIn(RoutingContext context) {
        String path = context.normalizedPath();
        return PAGE_LOADS.contains(context.request().method())
                && !path.startsWith("/api/") && !path.startsWith("/q/") && !path.equals("/signed-out.html")
                && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                && context.request().cookies().stream().noneMatch(c -> c.getName().startsWith(SESSION_COOKIE_PREFIX));
    }

    private void answer(RoutingContext context) {
        context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(page(identityProviderUrl));
    }

    static String page(String identityProviderUrl) {
        String message = "Sign-in is unavailable: Temper cannot reach its identity provider (Keycloak) at "
                + escape(identityProviderUrl) + ". Users already signed in can keep working; try again in a minute.";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sign-in is unavailable - Temper</title></head>
                <body><main><h1>Sign-in is unavailable</h1><p>%s</p></main></body>
                </html>
                """.formatted(message);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
