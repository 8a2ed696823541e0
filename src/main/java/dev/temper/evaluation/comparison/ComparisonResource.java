package dev.temper.evaluation.comparison;

import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Paired comparisons of two evaluations of the caller's teams: {@code GET /api/comparisons?left=12&right=15}. */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/comparisons")
public class ComparisonResource {

    public static final String LEFT = "left";
    public static final String RIGHT = "right";

    private final ComparisonService comparisons;
    private final CurrentUserProvider users;

    ComparisonResource(ComparisonService comparisons, CurrentUserProvider users) {
        this.comparisons = comparisons;
        this.users = users;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PairedComparison compare(@QueryParam(LEFT) String left, @QueryParam(RIGHT) String right) {
        return comparisons.compare(users.get(), id(LEFT, left), id(RIGHT, right));
    }

    /** Query parameters are read here so that a missing or malformed id answers 400 with its name, not 404. */
    static long id(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(parameter + ": give the evaluation's id, e.g. ?left=12&right=15");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(parameter + ": '" + value + "' is not an evaluation id");
        }
    }
}
