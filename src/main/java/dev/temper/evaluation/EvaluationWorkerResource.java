package dev.temper.evaluation;

import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.WorkerProtocol;
import dev.temper.training.workerapi.WorkerTokenIdentityProvider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Where an evaluation worker delivers what it measured. Part of the worker API (authenticated by the job's
 * token, not by Keycloak), owned by the feature that owns the results.
 */
@RolesAllowed(WorkerTokenIdentityProvider.WORKER_ROLE)
@Path(WorkerProtocol.JOB_PATH + WorkerProtocol.EVALUATION_PATH)
public class EvaluationWorkerResource {

    private final EvaluationService service;

    EvaluationWorkerResource(EvaluationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void evaluation(@PathParam("jobId") long jobId, @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token,
            EvaluationSubmission report) {
        service.complete(jobId, token, report);
    }
}
