package dev.temper.base.problem;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A request a resource's role annotation refused, before any feature saw it. Fired as a CDI event so that the
 * audit can record it without the shared base depending on the audit feature.
 */
public record RoleRefused(SecurityIdentity caller, String method, String path) {
}
