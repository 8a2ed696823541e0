package dev.temper.audit;

import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Records a refused write (403 or 409) as a DENIED entry. It runs outside the method's transaction (a lower
 * priority than the transaction interceptor's PLATFORM_BEFORE + 200), so the entry is written after the write
 * rolled back and released the chain's lock, and it survives the rollback.
 */
// The binding's action is @Nonbinding: this one interceptor serves every action.
@AuditRefusals(AuditAction.DATASET_REGISTER)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class AuditRefusalInterceptor {

    private final AuditLog audit;

    AuditRefusalInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @AroundInvoke
    Object auditRefusal(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (ProblemException problem) {
            if (problem.status() == 403 || problem.status() == 409) {
                record(call, problem);
            }
            throw problem;
        }
    }

    private void record(InvocationContext call, ProblemException problem) {
        AuditRefusals binding = call.getMethod().getAnnotation(AuditRefusals.class);
        if (binding == null) {
            binding = call.getMethod().getDeclaringClass().getAnnotation(AuditRefusals.class);
        }
        String actor = null;
        Object objectId = null;
        for (Object argument : call.getParameters()) {
            if (argument instanceof CurrentUser user && actor == null) {
                actor = user.username();
            } else if (argument instanceof Long id && objectId == null) {
                objectId = id;
            }
        }
        // A refused write changed nothing, so the object's team is not looked up: the entry has none.
        audit.recordRefusal(actor == null ? "unknown" : actor, null, binding.value(), objectId, problem.status()
                + " " + problem.detail());
    }
}
