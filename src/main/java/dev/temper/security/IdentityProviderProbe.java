package dev.temper.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the identity provider answers: a GET of its OpenID discovery document with a short timeout, never blocking
 * a thread. Concurrent and later callers within the cache time share one probe (in flight or done).
 */
@ApplicationScoped
class IdentityProviderProbe {

    private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final HttpClient http;
    private final String discoveryUrl;
    private final long timeoutMillis;
    private final long cacheNanos;
    private Probe last;

    private record Probe(long startedNanos, Future<Boolean> reachable) {
    }

    IdentityProviderProbe(Vertx vertx, SignInConfig config) {
        this.http = vertx.createHttpClient();
        this.discoveryUrl = config.identityProviderUrl().replaceAll("/+$", "") + DISCOVERY_PATH;
        this.timeoutMillis = config.probeTimeout().toMillis();
        this.cacheNanos = config.probeCacheFor().toNanos();
    }

    /** Completes with true if the provider answered its discovery document, false if it failed or timed out. */
    synchronized Future<Boolean> reachable() {
        long now = System.nanoTime();
        if (last == null || now - last.startedNanos() > cacheNanos) {
            last = new Probe(now, probe());
        }
        return last.reachable();
    }

    private Future<Boolean> probe() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(discoveryUrl)
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        return http.request(request)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> response.statusCode() == 200))
                .otherwise(false);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
