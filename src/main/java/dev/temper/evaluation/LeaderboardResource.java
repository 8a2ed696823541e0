package dev.temper.evaluation;

import dev.temper.security.CurrentUserProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

@Path("/api/leaderboards")
public class LeaderboardResource {

    private final EvaluationService service;
    private final CurrentUserProvider users;

    LeaderboardResource(EvaluationService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** All rows the caller's teams may see, grouped by dataset version on the client. */
    @GET
    public List<LeaderboardRow> all() {
        return service.all(users.get()).stream().map(LeaderboardRow::of).toList();
    }

    /** Rows for one dataset version, best clean accuracy first; empty for other teams' datasets. */
    @GET
    @Path("/{datasetVersionId}")
    public List<LeaderboardRow> forDataset(@PathParam("datasetVersionId") long datasetVersionId) {
        return service.leaderboard(users.get(), datasetVersionId).stream().map(LeaderboardRow::of).toList();
    }
}
