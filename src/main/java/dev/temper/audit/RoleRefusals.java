package dev.temper.audit;

import dev.temper.base.problem.RoleRefused;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Audits writes that a resource's role annotation refused before any service ran (the services audit their own
 * refusals): a signed-in user without a Temper role trying to change something is worth knowing about too.
 */
@ApplicationScoped
public class RoleRefusals {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int OBJECT_ID_MAX = 64;

    private final AuditLog audit;
    private final Vertx vertx;

    RoleRefusals(AuditLog audit, Vertx vertx) {
        this.audit = audit;
        this.vertx = vertx;
    }

    void refused(@Observes RoleRefused refused) {
        SecurityIdentity caller = refused.caller();
        String method = refused.method();
        String path = refused.path();
        if (caller == null || caller.isAnonymous() || !WRITES.contains(method)) {
            return;
        }
        String endpoint = method + " " + path;
        String objectId = endpoint.length() > OBJECT_ID_MAX ? endpoint.substring(0, OBJECT_ID_MAX) : endpoint;
        String actor = caller.getPrincipal().getName();
        Runnable record = () -> audit.recordRefusal(actor, null, AuditAction.API_WRITE, objectId,
                "403 Your role does not allow " + endpoint);
        // The check may run on an I/O thread, where the audit's database write must not block.
        if (Context.isOnEventLoopThread()) {
            vertx.executeBlocking(() -> {
                record.run();
                return null;
            }, false);
        } else {
            record.run();
        }
    }
}
