package dev.temper.base.http;

import dev.temper.base.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Locale;

/**
 * Bounds every API body before anything reads it: 1 MiB for JSON, more only where a feature declares a
 * {@link BodyAllowance}. The server's overall limit has to admit 2 GiB uploads; without this, any endpoint would
 * spool a 2 GiB body before its resource could say the body is wrong. A bounded body must state its length
 * (411 otherwise): counting a chunked body would mean reading it, which is what this is here to avoid.
 */
@ApplicationScoped
public class BodyLimits {

    public static final long JSON_MAX_BYTES = 1024 * 1024;

    private final List<BodyAllowance> allowances;

    BodyLimits(Instance<BodyAllowance> allowances) {
        this.allowances = allowances.stream().toList();
    }

    void register(@Observes Router router) {
        // Before authentication and the body handler: the decision needs headers only.
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String method = request.method().name();
        BodyAllowance allowance = allowanceFor(method, context.normalizedPath());
        if (allowance != null && allowance.streamed()) {
            context.next();
            return;
        }
        long max = allowance == null ? JSON_MAX_BYTES : allowance.maxBytes();
        String what = allowance == null ? "a JSON body" : allowance.what();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                Problem.send(context, 411, "Length Required",
                        "Send " + what + " with a Content-Length header (at most " + describe(max) + ")");
            } else {
                context.next();
            }
            return;
        }
        long bytes = parse(length);
        if (bytes < 0) {
            Problem.send(context, 400, "Bad Request", "Content-Length: a number of bytes, not '" + length + "'");
        } else if (bytes > max) {
            Problem.send(context, 413, "Content Too Large",
                    what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " may hold at most "
                            + describe(max) + ", not " + describe(bytes));
        } else {
            context.next();
        }
    }

    private BodyAllowance allowanceFor(String method, String path) {
        for (BodyAllowance allowance : allowances) {
            if (allowance.matches(method, path)) {
                return allowance;
            }
        }
        return null;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
