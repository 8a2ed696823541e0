package dev.temper.audit;

import dev.temper.security.CurrentUserProvider;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;

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

    @GET
    public List<AuditEntryDto> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        return service.page(users.get(), page, Math.min(size, 500)).stream().map(AuditEntryDto::of).toList();
    }

    @GET
    @Path("/verification")
    public ChainStatus verify() {
        return new ChainStatus(service.verifyChain(users.get()));
    }
}
