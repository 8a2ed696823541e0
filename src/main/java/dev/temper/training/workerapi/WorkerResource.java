package dev.temper.training.workerapi;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.BatchReceipt;
import dev.temper.contract.FailureReport;
import dev.temper.contract.LogBatch;
import dev.temper.contract.MetricBatch;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.contract.WorkerProtocol;
import dev.temper.registry.ModelResource.ModelVersionDto;
import dev.temper.storage.ArtifactStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * The API a worker talks to, authenticated by its job token (not by Keycloak): it can read its own
 * spec and inputs and write its own reports, nothing else.
 */
@RolesAllowed(WorkerTokenIdentityProvider.WORKER_ROLE)
@Path(WorkerProtocol.JOB_PATH)
public class WorkerResource {

    private final WorkerJobService service;
    private final ArtifactStore store;

    WorkerResource(WorkerJobService service, ArtifactStore store) {
        this.service = service;
        this.store = store;
    }

    @GET
    @Path(WorkerProtocol.SPEC_PATH)
    public WorkerJobSpec spec(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) {
        return service.spec(jobId, token);
    }

    @GET
    @Path(WorkerProtocol.DATASET_PATH)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream dataset(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) throws IOException {
        return store.open(service.datasetKey(jobId, token));
    }

    @GET
    @Path(WorkerProtocol.INPUT_MODEL_PATH)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream inputModel(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) throws IOException {
        return store.open(service.inputModelKey(jobId, token));
    }

    @GET
    @Path(WorkerProtocol.BASELINE_MODEL_PATH)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream baselineModel(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) throws IOException {
        return store.open(service.baselineModelKey(jobId, token));
    }

    /** An evaluation's model's training version, so that the worker can leave out test samples the model has seen. */
    @GET
    @Path(WorkerProtocol.TRAINING_DATA_PATH)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream trainingData(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) throws IOException {
        return store.open(service.trainingDataKey(jobId, token));
    }

    @POST
    @Path(WorkerProtocol.HEARTBEAT_PATH)
    public void heartbeat(@PathParam("jobId") long jobId, @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) {
        service.heartbeat(jobId, token);
    }

    /** Epochs and step points; resending a batch is harmless (the receipt counts what was already there). */
    @POST
    @Path(WorkerProtocol.METRICS_PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    public BatchReceipt metrics(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token, MetricBatch batch) {
        return service.recordMetrics(jobId, token, requireBody(batch));
    }

    @POST
    @Path(WorkerProtocol.LOGS_PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    public BatchReceipt logs(@PathParam("jobId") long jobId, @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token,
            LogBatch batch) {
        return service.recordLogs(jobId, token, requireBody(batch));
    }

    /** The checkpoint of a finished epoch, as a zip; the latest one is what a new attempt resumes from. */
    @PUT
    @Path(WorkerProtocol.CHECKPOINT_PATH)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public void checkpoint(@PathParam("jobId") long jobId, @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token,
            @QueryParam(WorkerProtocol.EPOCH_PARAM) int epoch, java.nio.file.Path zip) {
        service.storeCheckpoint(jobId, token, epoch, zip);
    }

    @GET
    @Path(WorkerProtocol.CHECKPOINT_PATH)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream checkpoint(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token) throws IOException {
        return store.open(service.checkpointKey(jobId, token));
    }

    /** The exported model as a zip; the manifest travels base64-encoded in a header beside its hash. */
    @POST
    @Path(WorkerProtocol.MODEL_PATH)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public ModelVersionDto model(@PathParam("jobId") long jobId,
            @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token,
            @HeaderParam(WorkerProtocol.MODEL_SHA256_HEADER) String sha256,
            @HeaderParam(WorkerProtocol.MODEL_MANIFEST_HEADER) String manifestBase64, java.nio.file.Path zip) {
        return ModelVersionDto.of(service.completeTraining(jobId, token, zip, sha256, manifestBase64));
    }

    @POST
    @Path(WorkerProtocol.FAILURE_PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    public void failure(@PathParam("jobId") long jobId, @HeaderParam(WorkerProtocol.JOB_TOKEN_HEADER) String token,
            FailureReport report) {
        service.fail(jobId, token, requireBody(report).message());
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw ProblemException.badRequest("The request has no body");
        }
        return body;
    }
}
