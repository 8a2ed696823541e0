package dev.temper.audit;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;

@Path("/api/audit")
public class AuditResource {

    public record AuditEntryDto(long id, Instant occurredAt, String actor, String team, String action,
            String objectType, String objectId, String outcome, String details, String hash) {

        static AuditEntryDto of(AuditEntry e) {
            return new AuditEntryDto(e.id, e.occurredAt, e.actor, e.team, e.action, e.objectType, e.objectId,
                    e.outcome, e.details, e.hash);
        }
    }

    public record ChainStatus(boolean intact) {
    }

    private final AuditService service;
    private final CurrentUserProvider users;

    AuditResource(AuditService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** A page of the trail (admins), newest first unless sorted by {@code time}. */
    @GET
    public Page<AuditEntryDto> list(@BeanParam PageParameters paging) {
        return service.page(users.get(), paging.request(), paging.sort()).map(AuditEntryDto::of);
    }

    @GET
    @Path("/verification")
    public ChainStatus verify() {
        return new ChainStatus(service.verifyChain(users.get()));
    }
}
