package dev.temper.base.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Event;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One small mapping per failure kind, all answering problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String WORKER_PATHS = "/api/worker/";

    private final Event<RoleRefused> refusals;
    private final CurrentVertxRequest vertxRequest;

    ProblemMappers(Event<RoleRefused> refusals, CurrentVertxRequest vertxRequest) {
        this.refusals = refusals;
        this.vertxRequest = vertxRequest;
    }

    /**
     * A refused worker report is worth an operator's attention (a worker build that disagrees with the server, or
     * someone holding a job token): one line, no stack trace, since the refusal is expected behaviour and the
     * detail says all. People's mistakes are theirs to read in the answer.
     */
    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        logRefusal(request, e.status(), e.detail());
        return Problem.response(e.status(), e.title(), e.detail());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problem.response(400, "Invalid input", detail);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        RoutingContext current = vertxRequest.getCurrent();
        SecurityIdentity caller = current != null && current.user() instanceof QuarkusHttpUser user
                ? user.getSecurityIdentity() : null;
        refusals.fire(new RoleRefused(caller, request.method().name(), request.path()));
        return Problem.response(403, "Forbidden", "Your role does not allow this action");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.response(401, "Unauthorized", "Sign in or send a bearer token");
    }

    /*
     * Quarkus has its own mappers for the specific Jackson failures, answering 400 with an empty body outside dev
     * mode; naming each type here puts ours first.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        JsonProcessingException json = jsonCause(e);
        if (json != null) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseUnavailable.causedBy(e)) {
            // Expected while PostgreSQL restarts: one line, and an answer clients know to retry.
            LOG.warn("The database is unavailable: " + e.getMessage());
            return Response.fromResponse(Problem.response(503, "Database unavailable",
                    "Temper cannot reach its database right now; try again in a few seconds"))
                    .header("Retry-After", "5").build();
        }
        LOG.error("Unexpected failure", e);
        return Problem.response(500, "Internal error", "The server failed to handle the request; see its log");
    }

    private Response badJson(JsonProcessingException e) {
        String detail = JsonProblems.describe(e);
        RoutingContext current = vertxRequest.getCurrent();
        if (current != null) {
            logRefusal(current.request(), 400, detail);
        }
        return Problem.response(400, "Unreadable body", detail);
    }

    private static void logRefusal(HttpServerRequest request, int status, String detail) {
        if (status < 500 && request.path().startsWith(WORKER_PATHS)) {
            LOG.warn("Refused a worker's " + request.method().name() + " " + request.path() + " with " + status + ": "
                    + detail);
        }
    }

    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
