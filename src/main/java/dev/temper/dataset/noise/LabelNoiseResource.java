package dev.temper.dataset.noise;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.base.Json;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.profile.LabelSuspect;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Starts a search for suspected label errors in a version and reads its progress and suspects. */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/datasets/{id}/label-noise")
public class LabelNoiseResource {

    /** A search as the API shows it; {@code suspects} is empty until it has succeeded. */
    public record SearchDto(long id, long datasetVersionId, LabelNoiseSearch.State state, double progress, String stage,
            String message, Double outOfFoldAccuracy, List<LabelSuspect> suspects, String createdBy, Instant createdAt,
            Instant finishedAt) {

        static SearchDto of(LabelNoiseSearch s) {
            List<LabelSuspect> suspects = s.suspectsJson == null ? List.of()
                    : Json.read(s.suspectsJson, new TypeReference<>() { });
            return new SearchDto(s.id, s.datasetVersion.id, s.state, s.progress, s.stage, s.message,
                    s.outOfFoldAccuracy, suspects, s.createdBy, s.createdAt, s.finishedAt);
        }
    }

    private final LabelNoiseService service;
    private final CurrentUserProvider users;

    LabelNoiseResource(LabelNoiseService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** Starts a search in the background (or answers the one already running) with 202 Accepted. */
    @POST
    public Response start(@PathParam("id") long id) {
        return Response.accepted(SearchDto.of(service.start(users.get(), id))).build();
    }

    /** The latest search of the version, running or finished. */
    @GET
    public SearchDto latest(@PathParam("id") long id) {
        return service.latest(users.get(), id).map(SearchDto::of).orElseThrow(() -> new ProblemException(404,
                "Not found", "No search for label errors has been started on dataset version " + id));
    }
}
