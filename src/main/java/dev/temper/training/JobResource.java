package dev.temper.training;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.JobKind;
import dev.temper.contract.MetricPoint;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/jobs")
public class JobResource {

    public record JobDto(long id, String team, JobKind kind, JobState state, String modelName, long datasetVersionId,
            String datasetVersion, Long baseModelVersionId, Long evaluatedModelVersionId, Long resultModelVersionId,
            TrainingSettings settings, JobScheduling scheduling, int attempt, int epochsDone, int epochsTotal,
            double progress, String message, String createdBy, Instant createdAt, Instant startedAt,
            Instant finishedAt, int checkpointEpoch, double runSeconds, double gpuSeconds, Long etaSeconds,
            String worker) {

        public static JobDto of(TrainingJob j) {
            Instant now = Instant.now();
            return new JobDto(j.id, j.team, j.kind, j.state, j.modelName, j.datasetVersion.id, j.datasetVersion.label(),
                    j.baseVersion == null ? null : j.baseVersion.id,
                    j.evaluatedVersion == null ? null : j.evaluatedVersion.id,
                    j.resultVersion == null ? null : j.resultVersion.id,
                    j.settings(), j.scheduling(), j.attempt, j.epochsDone, j.epochsTotal, j.progress(), j.message, j.createdBy,
                    j.createdAt, j.startedAt, j.finishedAt, j.checkpointEpoch, j.runSeconds(now), j.gpuSeconds(now),
                    j.etaSeconds(now), j.workerRef);
        }
    }

    /** A job as a list row: {@link JobDto} without its settings, which {@code GET /api/jobs/{id}} answers. */
    public record JobRowDto(long id, String team, JobKind kind, JobState state, String modelName,
            long datasetVersionId, String datasetVersion, Long baseModelVersionId, Long evaluatedModelVersionId,
            Long resultModelVersionId, JobScheduling scheduling, int attempt, int epochsDone, int epochsTotal,
            double progress, String message, String createdBy, Instant createdAt, Instant startedAt,
            Instant finishedAt, int checkpointEpoch, double runSeconds, double gpuSeconds, Long etaSeconds,
            String worker) {

        static JobRowDto of(TrainingJob j) {
            Instant now = Instant.now();
            return new JobRowDto(j.id, j.team, j.kind, j.state, j.modelName, j.datasetVersion.id,
                    j.datasetVersion.label(), j.baseVersion == null ? null : j.baseVersion.id,
                    j.evaluatedVersion == null ? null : j.evaluatedVersion.id,
                    j.resultVersion == null ? null : j.resultVersion.id, j.scheduling(), j.attempt, j.epochsDone,
                    j.epochsTotal, j.progress(), j.message, j.createdBy, j.createdAt, j.startedAt, j.finishedAt,
                    j.checkpointEpoch, j.runSeconds(now), j.gpuSeconds(now), j.etaSeconds(now), j.workerRef);
        }
    }

    public record MetricDto(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, Double learningRate, Double robustAccuracy, Instant recordedAt) {
    }

    public record EventDto(Instant at, String kind, String message) {
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

    /**
     * A page of jobs, sorted by {@code created} (newest first by default) or {@code state}; {@code state},
     * {@code kind} and {@code datasetVersionId} narrow it.
     */
    @GET
    public Page<JobRowDto> list(@BeanParam PageParameters paging, @QueryParam("state") String state,
            @QueryParam("kind") String kind, @QueryParam("datasetVersionId") String datasetVersionId) {
        JobFilter filter = new JobFilter(ListFilter.enumValue(JobState.class, "state", state),
                ListFilter.enumValue(JobKind.class, "kind", kind),
                ListFilter.idValue("datasetVersionId", datasetVersionId));
        return service.page(users.get(), filter, paging.request(), paging.sort()).map(JobRowDto::of);
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
                        m.learningRate, m.robustAccuracy, m.recordedAt))
                .toList();
    }

    /** A step-level series (step/loss, step/accuracy, step/learning_rate), evenly thinned to at most max points. */
    @GET
    @Path("/{id}/series")
    public List<MetricPoint> series(@PathParam("id") long id, @QueryParam("name") String name,
            @QueryParam("max") @DefaultValue("500") int max) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name: which series, e.g. step/loss");
        }
        if (max < 2 || max > 10_000) {
            throw ProblemException.badRequest("max: 2 to 10000 points, not " + max);
        }
        return service.series(users.get(), id, name, max);
    }

    /** The last lines of the job's worker logs, over all attempts. */
    @GET
    @Path("/{id}/logs")
    public List<JobLogEntry> logs(@PathParam("id") long id, @QueryParam("lines") @DefaultValue("200") int lines) {
        if (lines < 1 || lines > 5_000) {
            throw ProblemException.badRequest("lines: 1 to 5000, not " + lines);
        }
        return service.logTail(users.get(), id, lines);
    }

    /** The job's timeline: queued, started, running, waiting, lost, retried, finished. */
    @GET
    @Path("/{id}/events")
    public List<EventDto> events(@PathParam("id") long id) {
        return service.timeline(users.get(), id).stream().map(e -> new EventDto(e.at, e.kind, e.message)).toList();
    }
}
