package dev.temper.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write whose refusals (403 and 409) are audited as {@link #value()}: the actor is the method's
 * {@link dev.temper.security.CurrentUser} argument, the object its first {@code long} argument (if any). The
 * refusal is recorded after the write's own transaction rolled back; see {@link AuditRefusalInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditRefusals {

    @Nonbinding
    AuditAction value();
}
