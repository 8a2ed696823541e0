package dev.temper.evaluation;

import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobResource.JobDto;
import dev.temper.training.TrainingJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Evaluations on request: a model version measured on another dataset version (e.g. a shifted copy). */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/jobs/evaluations")
public class EvaluationJobResource {

    /** What {@code POST /api/jobs/evaluations} takes: the version to measure and the data to measure it on. */
    public record EvaluationRequest(Long modelVersionId, Long datasetVersionId) {
    }

    private final EvaluationJobs evaluationJobs;
    private final CurrentUserProvider users;

    EvaluationJobResource(EvaluationJobs evaluationJobs, CurrentUserProvider users) {
        this.evaluationJobs = evaluationJobs;
        this.users = users;
    }

    /** Queues the evaluation; it runs and appears as a job like any other. */
    @POST
    public Response evaluate(EvaluationRequest request) {
        if (request == null || request.modelVersionId() == null || request.datasetVersionId() == null) {
            throw ProblemException.badRequest("Name the model version and the dataset version: "
                    + "{\"modelVersionId\": 1, \"datasetVersionId\": 2}");
        }
        TrainingJob job = evaluationJobs.request(users.get(), request.modelVersionId(), request.datasetVersionId());
        return Response.created(URI.create("/api/jobs/" + job.id)).entity(JobDto.of(job)).build();
    }
}
