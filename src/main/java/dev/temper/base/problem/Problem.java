package dev.temper.base.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.temper.base.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * Answers a request that no resource handles (refused or unmatched before Quarkus REST runs) with the same body a
     * resource's problem would have.
     */
    public static void send(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(Json.write(new Problem("about:blank", title, status, detail)));
    }

    public static Response response(int status, String title, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }
}
