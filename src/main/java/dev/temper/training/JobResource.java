package dev.temper.training;

import dev.temper.base.ProblemException;
import dev.temper.contract.JobKind;
import dev.temper.security.CurrentUserProvider;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api/jobs")
public class JobResource {

    public record JobDto(long id, String team, JobKind kind, JobState state, String modelName, long datasetVersionId,
            String datasetVersion, Long baseModelVersionId, Long evaluatedModelVersionId, Long resultModelVersionId,
            TrainingSettings settings, JobScheduling scheduling, int attempt, int epochsDone, int epochsTotal,
            double progress, String message, String createdBy, Instant createdAt, Instant startedAt,
            Instant finishedAt) {

        static JobDto of(TrainingJob j) {
            return new JobDto(j.id, j.team, j.kind, j.state, j.modelName, j.datasetVersion.id, j.datasetVersion.label(),
                    j.baseVersion == null ? null : j.baseVersion.id,
                    j.evaluatedVersion == null ? null : j.evaluatedVersion.id,
                    j.resultVersion == null ? null : j.resultVersion.id,
                    j.settings(), j.scheduling(), j.attempt, j.epochsDone, j.epochsTotal, j.progress(), j.message, j.createdBy,
                    j.createdAt, j.startedAt, j.finishedAt);
        }
    }

    public record MetricDto(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, Instant recordedAt) {
    }

    private final JobService service;
    private final JobControl control;
    private final CurrentUserProvider users;

    JobResource(JobService service, JobControl control, CurrentUserProvider users) {
        this.service = service;
        this.control = control;
        this.users = users;
    }

    /** Cancels a queued or running job; a running worker is stopped. */
    @POST
    @Path("/{id}/cancel")
    public JobDto cancel(@PathParam("id") long id) {
        return JobDto.of(control.cancel(users.get(), id));
    }

    /** Queues a failed or cancelled job again. */
    @POST
    @Path("/{id}/retry")
    public JobDto retry(@PathParam("id") long id) {
        return JobDto.of(service.retry(users.get(), id));
    }

    @POST
    public Response submit(@NotNull JobRequest request) {
        JobDto job = JobDto.of(service.submit(users.get(), request.toSubmission()));
        return Response.created(URI.create("/api/jobs/" + job.id())).entity(job).build();
    }

    /** What {@code POST /api/jobs/evaluations} takes: the version to measure and the data to measure it on. */
    public record EvaluationRequest(Long modelVersionId, Long datasetVersionId) {
    }

    /** Queues an evaluation of a model version on another dataset version (e.g. a shifted copy). */
    @POST
    @Path("/evaluations")
    public Response evaluate(EvaluationRequest request) {
        if (request == null || request.modelVersionId() == null || request.datasetVersionId() == null) {
            throw ProblemException.badRequest("Name the model version and the dataset version: "
                    + "{\"modelVersionId\": 1, \"datasetVersionId\": 2}");
        }
        TrainingJob job = service.evaluate(users.get(), request.modelVersionId(), request.datasetVersionId());
        return Response.created(URI.create("/api/jobs/" + job.id)).entity(JobDto.of(job)).build();
    }

    @GET
    public List<JobDto> list() {
        return service.list(users.get()).stream().map(JobDto::of).toList();
    }

    @GET
    @Path("/{id}")
    public JobDto get(@PathParam("id") long id) {
        return JobDto.of(service.get(users.get(), id));
    }

    @GET
    @Path("/{id}/metrics")
    public List<MetricDto> metrics(@PathParam("id") long id) {
        return service.metrics(users.get(), id).stream()
                .map(m -> new MetricDto(m.epoch, m.trainLoss, m.trainAccuracy, m.validationLoss, m.validationAccuracy,
                        m.recordedAt))
                .toList();
    }
}
