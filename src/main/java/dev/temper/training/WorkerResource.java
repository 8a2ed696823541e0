package dev.temper.training;

import dev.temper.contract.EpochReport;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.FailureReport;
import dev.temper.contract.WorkerHeaders;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.registry.ModelResource.ModelVersionDto;
import dev.temper.storage.ArtifactStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API a worker talks to, authenticated by its job token (not by Keycloak): it can read its own
 * spec and inputs and write its own reports, nothing else.
 */
@Path("/api/worker/jobs/{jobId}")
public class WorkerResource {

    private final WorkerJobService service;
    private final ArtifactStore store;

    WorkerResource(WorkerJobService service, ArtifactStore store) {
        this.service = service;
        this.store = store;
    }

    @GET
    @Path("/spec")
    public WorkerJobSpec spec(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token) {
        return service.spec(jobId, token);
    }

    @GET
    @Path("/dataset")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream dataset(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token)
            throws IOException {
        return store.open(service.datasetKey(jobId, token));
    }

    @GET
    @Path("/input-model")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream inputModel(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token)
            throws IOException {
        return store.open(service.inputModelKey(jobId, token));
    }

    @GET
    @Path("/baseline-model")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream baselineModel(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerHeaders.JOB_TOKEN) String token) throws IOException {
        return store.open(service.baselineModelKey(jobId, token));
    }

    @POST
    @Path("/epochs")
    @Consumes(MediaType.APPLICATION_JSON)
    public void epoch(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token,
            EpochReport report) {
        service.recordEpoch(jobId, token, report);
    }

    /** The exported model as a zip; the manifest travels base64-encoded in a header beside its hash. */
    @POST
    @Path("/model")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public ModelVersionDto model(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token,
            @HeaderParam(WorkerHeaders.MODEL_SHA256) String sha256,
            @HeaderParam(WorkerHeaders.MODEL_MANIFEST) String manifestBase64, java.nio.file.Path zip) {
        String manifest = new String(Base64.getDecoder().decode(manifestBase64), StandardCharsets.UTF_8);
        return ModelVersionDto.of(service.completeTraining(jobId, token, zip, sha256, manifest));
    }

    @POST
    @Path("/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    public void evaluation(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token,
            EvaluationSubmission report) {
        service.completeEvaluation(jobId, token, report);
    }

    @POST
    @Path("/failure")
    @Consumes(MediaType.APPLICATION_JSON)
    public void failure(@PathParam("jobId") long jobId, @HeaderParam(WorkerHeaders.JOB_TOKEN) String token,
            FailureReport report) {
        service.fail(jobId, token, report.message());
    }
}
