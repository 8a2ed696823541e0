package dev.temper.training.queue;

import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/quotas")
public class QuotaResource {

    /** What {@code PUT /api/quotas/{team}} takes: both limits. */
    public record QuotaRequest(Integer maxGpus, Integer maxConcurrentJobs) {
    }

    private final QuotaService service;
    private final CurrentUserProvider users;

    QuotaResource(QuotaService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** The caller's teams (every known team for an admin): limits and current usage. */
    @GET
    public List<TeamQuotaStatus> list() {
        return service.overview(users.get());
    }

    @PUT
    @Path("/{team}")
    public TeamQuotaStatus set(@PathParam("team") String team, QuotaRequest request) {
        QuotaRequest limits = request == null ? new QuotaRequest(null, null) : request;
        return service.set(users.get(), team, limits.maxGpus(), limits.maxConcurrentJobs());
    }

    /** Puts the team back on the configured default limits. */
    @DELETE
    @Path("/{team}")
    public TeamQuotaStatus reset(@PathParam("team") String team) {
        return service.reset(users.get(), team);
    }
}
