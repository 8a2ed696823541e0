package dev.temper.evaluation.benchmark;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobResource.JobDto;
import dev.temper.training.TrainingJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Benchmarks and their leaderboards: {@code POST} defines one (ml-engineers and admins), {@code GET} lists and
 * reads them for members of the owning team (404 for anyone else), each leaderboard paged, sorted and filtered
 * in the database.
 */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/benchmarks")
public class BenchmarkResource {

    /** What {@code POST /api/benchmarks/{id}/evaluations} takes. */
    public record EvaluationRequest(Long modelVersionId) {
    }

    private final BenchmarkService service;
    private final CurrentUserProvider users;

    BenchmarkResource(BenchmarkService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    @POST
    public Response create(NewBenchmark request) {
        Benchmark benchmark = service.create(users.get(), request);
        return Response.created(URI.create("/api/benchmarks/" + benchmark.id))
                .entity(BenchmarkDto.of(benchmark, 0)).build();
    }

    /** The caller's teams' benchmarks, newest first; {@code sort} by {@code name} or {@code created}. */
    @GET
    public Page<BenchmarkDto> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        return service.page(users.get(), new PageParameters(page, size, null).request(), sort)
                .map(b -> BenchmarkDto.of(b, service.rows(b)));
    }

    @GET
    @Path("/{id}")
    public BenchmarkDto get(@PathParam("id") long id) {
        Benchmark benchmark = service.get(users.get(), id);
        return BenchmarkDto.of(benchmark, service.rows(benchmark));
    }

    /**
     * One page of the leaderboard. Without {@code sort}, ranked (reliable first, current before stale, then robust
     * and clean accuracy); {@code sort} takes a name of the benchmark's {@code sorts} with {@code ,asc} or
     * {@code ,desc}. {@code model} and {@code base} filter by name prefix, {@code reliable} by verdict,
     * {@code from} and {@code to} by recording date.
     */
    @GET
    @Path("/{id}/leaderboard")
    public Page<BenchmarkRow> leaderboard(@PathParam("id") long id, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort, @QueryParam("model") String model,
            @QueryParam("base") String base, @QueryParam("reliable") String reliable,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        LeaderboardFilter filter = LeaderboardFilter.parse(model, base, ListFilter.booleanValue("reliable", reliable), from,
                to);
        return service.leaderboard(users.get(), id, filter, sort, new PageParameters(page, size, null).request());
    }

    /** Clean vs robust accuracy of the ranking's first {@value BenchmarkChart#CAP} rows at most. */
    @GET
    @Path("/{id}/chart")
    public BenchmarkChart chart(@PathParam("id") long id) {
        return service.chart(users.get(), id);
    }

    /** Queues an evaluation of a model version on the benchmark: a job like any other. */
    @POST
    @Path("/{id}/evaluations")
    public Response evaluate(@PathParam("id") long id, EvaluationRequest request) {
        TrainingJob job = service.evaluate(users.get(), id, request == null ? null : request.modelVersionId());
        return Response.created(URI.create("/api/jobs/" + job.id)).entity(JobDto.of(job)).build();
    }
}
