package dev.temper.training.workerapi;

import dev.temper.base.problem.Problem;
import dev.temper.contract.WorkerProtocol;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticates workers by their job token as the request arrives, before any body is read: a request without a
 * valid token for the job in its path is answered 401 at once, so it cannot make the server spool a checkpoint or
 * parse a metrics batch first. application.properties binds this mechanism, and only it, to the worker paths.
 */
@ApplicationScoped
public class WorkerTokenMechanism implements HttpAuthenticationMechanism {

    /** The name the HTTP permission for the worker paths selects this mechanism by. */
    public static final String SCHEME = "worker-token";

    private static final Pattern JOB_PATH = Pattern.compile("^/api/worker/jobs/(\\d{1,18})(?:/.*)?$");
    private static final HttpCredentialTransport TRANSPORT = new HttpCredentialTransport(
            HttpCredentialTransport.Type.OTHER_HEADER, WorkerProtocol.JOB_TOKEN_HEADER, SCHEME);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Matcher path = JOB_PATH.matcher(context.normalizedPath());
        String token = context.request().getHeader(WorkerProtocol.JOB_TOKEN_HEADER);
        if (!path.matches() || token == null || token.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = new WorkerTokenRequest(Long.parseLong(path.group(1)), token);
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    /** A worker reads problem+json like every other API client. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        Problem.send(context, 401, "Unauthorized", "Send the job's token in " + WorkerProtocol.JOB_TOKEN_HEADER);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(WorkerTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }
}
