package dev.temper.dataset;

import dev.temper.base.Json;
import dev.temper.base.problem.Problem;
import dev.temper.base.problem.ProblemException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a dataset upload whose declared length is over the limit before a byte of its body is read, so
 * nobody waits for 2 GiB to arrive only to be told it is too large. Bodies without a declared length are
 * counted as they arrive (the streamed endpoint) or stopped by the HTTP layer's own limit.
 */
@ApplicationScoped
class UploadSizeGuard {

    /** Room for the form fields and part headers around the file in a multipart body. */
    static final long FORM_OVERHEAD_BYTES = 64 * 1024;
    private static final int PRIORITY = 100;

    private final DatasetConfig config;

    UploadSizeGuard(DatasetConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (context.request().method() == HttpMethod.POST && context.normalizedPath().startsWith("/api/datasets")
                && length != null && declaredTooLarge(length)) {
            ProblemException tooLarge = UploadSpool.tooLarge(config.maxUploadBytes());
            Problem problem = new Problem("about:blank", tooLarge.title(), tooLarge.status(), tooLarge.detail());
            // The unread body stays on the wire: answer, then close the connection rather than drain it.
            context.response().setStatusCode(tooLarge.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(Json.write(problem))
                    .onComplete(sent -> context.request().connection().close());
            return;
        }
        context.next();
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > config.maxUploadBytes() + FORM_OVERHEAD_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
