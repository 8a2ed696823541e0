package dev.temper.evaluation;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Per-dataset boards: every result on a dataset version's test split, whatever it was measured under, in pages
 * ({@code page}, {@code size} up to 500). The boards readers compare on are the benchmarks' ({@code
 * /api/benchmarks/{id}/leaderboard}); these keep rows recorded before benchmarks, and show a version whole.
 */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/leaderboards")
public class LeaderboardResource {

    private final EvaluationService service;
    private final CurrentUserProvider users;

    LeaderboardResource(EvaluationService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** The rows the caller's teams may see, by dataset version, each version's rows in its ranking. */
    @GET
    public Page<LeaderboardRow> all(@QueryParam("page") String page, @QueryParam("size") String size) {
        return service.all(users.get(), new PageParameters(page, size, null).request()).map(LeaderboardRow::of);
    }

    /** Rows for one dataset version, reliable first, then best clean accuracy; empty for other teams' datasets. */
    @GET
    @Path("/{datasetVersionId}")
    public Page<LeaderboardRow> forDataset(@PathParam("datasetVersionId") long datasetVersionId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return service.leaderboard(users.get(), datasetVersionId, new PageParameters(page, size, null).request())
                .map(LeaderboardRow::of);
    }
}
