package dev.temper.serving;

import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** Predictions from each team's production model, for members of the team (404 for anyone else). */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/serving/{team}")
@Produces(MediaType.APPLICATION_JSON)
public class ServingResource {

    /** Input rows as the dataset had them (images as flattened pixel arrays in [0, 1]). */
    public record PredictRequest(float[][] rows) {
    }

    static final String PNG = "image/png";

    private final ServingService service;
    private final CurrentUserProvider users;
    private final ServingConfig config;

    ServingResource(ServingService service, CurrentUserProvider users, ServingConfig config) {
        this.service = service;
        this.users = users;
        this.config = config;
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

    /** One image per request, as a PNG body; bounded before it is decoded. */
    @POST
    @Path("/{model}/predict")
    @Consumes(PNG)
    public Predictions predictPng(@PathParam("team") String team, @PathParam("model") String model,
                                  InputStream body) throws IOException {
        byte[] png = body.readNBytes(config.maxImageBytes() + 1);
        if (png.length > config.maxImageBytes()) {
            throw new ProblemException(413, "Image too large", "a PNG of at most " + config.maxImageBytes()
                    + " bytes is accepted");
        }
        return service.predictPng(users.get(), team, model, png);
    }

    @GET
    public ServedStatus status(@PathParam("team") String team) {
        return service.status(users.get(), team).orElseThrow(() -> ProblemException.notFound(
                "Served model of team", team + " (nothing loaded yet: the first prediction loads it)"));
    }
}
