package dev.temper.dataset;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides who may upload a dataset before the upload's body is read: a multipart form is parsed and spooled before
 * any resource method runs, so a check in the service would come after a viewer had put gigabytes on the disk.
 * A refusal is audited like the service's own refusals. The team is still checked by the service, which needs the
 * form's fields.
 */
@ApplicationScoped
public class UploadPermission implements HttpSecurityPolicy {

    /** The policy name application.properties binds to the upload paths. */
    public static final String NAME = "dataset-uploaders";
    static final String REASON = "403 Only ml-engineers may register datasets";

    private final AuditLog audit;

    UploadPermission(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        return context.runBlocking(request, identity, (ignored, caller) -> decide(caller));
    }

    private CheckResult decide(SecurityIdentity caller) {
        if (caller.isAnonymous()) {
            return CheckResult.DENY;
        }
        if (caller.hasRole(Roles.ML_ENGINEER)) {
            return CheckResult.PERMIT;
        }
        audit.recordRefusal(caller.getPrincipal().getName(), null, AuditAction.DATASET_REGISTER, null, REASON);
        return CheckResult.DENY;
    }

    @Override
    public String name() {
        return NAME;
    }
}
