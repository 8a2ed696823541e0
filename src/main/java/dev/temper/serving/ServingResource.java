package dev.temper.serving;

import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUserProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Predictions from each team's production model, for members of the team (404 for anyone else). */
@Path("/api/serving/{team}")
@Produces(MediaType.APPLICATION_JSON)
public class ServingResource {

    /** Input rows as the dataset had them (images as flattened pixel arrays in [0, 1]). */
    public record PredictRequest(float[][] rows) {
    }

    private final ServingService service;
    private final CurrentUserProvider users;

    ServingResource(ServingService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    @POST
    @Path("/{model}/predict")
    @Consumes(MediaType.APPLICATION_JSON)
    public Predictions predict(@PathParam("team") String team, @PathParam("model") String model,
                               PredictRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("the body must be {\"rows\": [[...], ...]}");
        }
        return service.predict(users.get(), team, model, request.rows());
    }

    @GET
    public ServedStatus status(@PathParam("team") String team) {
        return service.status(users.get(), team).orElseThrow(() -> ProblemException.notFound(
                "Served model of team", team + " (nothing loaded yet: the first prediction loads it)"));
    }
}
