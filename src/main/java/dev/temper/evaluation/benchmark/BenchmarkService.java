package dev.temper.evaluation.benchmark;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.Json;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.ReadyForJobs;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.evaluation.EvaluationJobs;
import dev.temper.evaluation.benchmark.BenchmarkRow.Estimate;
import dev.temper.evaluation.benchmark.BenchmarkRow.RobustAt;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.training.JobService;
import dev.temper.training.TrainingJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Benchmarks of a team: ml-engineers (and admins) define them, every member reads them and their leaderboards,
 * anyone else is told they do not exist. Evaluating a model on one is an evaluation job like any other, whose
 * worker runs the benchmark's threat model and suite.
 */
@ApplicationScoped
@Transactional
public class BenchmarkService {

    private static final SortOrder LIST_ORDER = new SortOrder(Map.of("name", "name", "created", "createdAt"),
            "createdAt desc", "id desc");

    private final BenchmarkRepository benchmarks;
    private final BenchmarkJobRepository benchmarkJobs;
    private final LeaderboardRepository leaderboard;
    private final LeaderboardRobustRepository robust;
    private final DatasetService datasets;
    private final ModelRegistryService models;
    private final JobService jobs;
    private final AuditLog audit;

    BenchmarkService(BenchmarkRepository benchmarks, BenchmarkJobRepository benchmarkJobs,
            LeaderboardRepository leaderboard, LeaderboardRobustRepository robust, DatasetService datasets,
            ModelRegistryService models, JobService jobs, AuditLog audit) {
        this.benchmarks = benchmarks;
        this.benchmarkJobs = benchmarkJobs;
        this.leaderboard = leaderboard;
        this.robust = robust;
        this.datasets = datasets;
        this.models = models;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Defines a benchmark on a dataset version of one of the user's teams; checked whole before anything is written. */
    public Benchmark create(CurrentUser user, NewBenchmark request) {
        requireCreator(user);
        if (request == null) {
            throw ProblemException.badRequest("Give name, datasetVersionId, norm, epsilons and suite: {\"name\": "
                    + "\"mnist-linf\", \"datasetVersionId\": 1, \"norm\": \"LINF\", \"epsilons\": [0.1, 0.3], "
                    + "\"suite\": \"STANDARD\"}");
        }
        String name = BenchmarkDefinition.name(request.name());
        if (request.datasetVersionId() == null) {
            throw ProblemException.badRequest("datasetVersionId: name the dataset version whose test split is measured");
        }
        DatasetVersion dataset = datasets.get(user, request.datasetVersionId());
        ReadyForJobs.check(dataset).orElseThrow(reason -> ProblemException.badRequest("datasetVersionId: " + reason));
        Norm norm = BenchmarkDefinition.norm(request.norm());
        SuiteVersion suite = BenchmarkDefinition.suite(request.suite());
        List<Double> epsilons = BenchmarkDefinition.epsilons(request.epsilons(), norm, dataset.epsilonUnit);
        if (benchmarks.nameTaken(dataset.team, name)) {
            throw ProblemException.conflict("Team " + dataset.team + " already has a benchmark named '" + name + "'");
        }
        return persist(dataset, name, norm, epsilons, suite, user.username(), "defined");
    }

    /**
     * Stores a benchmark and records it in the audit trail. Also used when an evaluation is the first of its
     * dataset version, threat model and suite: then the benchmark is made for it.
     */
    Benchmark persist(DatasetVersion dataset, String name, Norm norm, List<Double> epsilons, SuiteVersion suite,
            String actor, String how) {
        Benchmark benchmark = new Benchmark();
        benchmark.team = dataset.team;
        benchmark.name = name;
        benchmark.datasetVersion = dataset;
        benchmark.norm = norm;
        benchmark.epsilonUnit = dataset.epsilonUnit;
        benchmark.epsilonsJson = Benchmark.epsilonsJson(epsilons);
        benchmark.suite = suite;
        benchmark.createdBy = actor;
        benchmark.createdAt = Instant.now();
        benchmarks.persist(benchmark);
        audit.record(actor, benchmark.team, AuditAction.BENCHMARK_CREATE, benchmark.id, "Benchmark '" + name + "' "
                + how + ": " + dataset.label() + " test split, " + benchmark.threatModel().describe() + ", suite "
                + suite);
        return benchmark;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Benchmark> page(CurrentUser user, PageRequest request, String sort) {
        return benchmarks.pageForTeams(user.teams(), null, Map.of(), request, LIST_ORDER.hql(sort));
    }

    /**
     * One page of one team's benchmarks whose name contains {@code nameContains} (any, when blank), by name; none
     * when the user is not a member (a picker of the team's benchmarks, such as the gate policy form's).
     */
    // A transaction of its own, not SUPPORTS: a combo box fetches its pages outside any request.
    @Transactional
    public Page<Benchmark> ofTeam(CurrentUser user, String team, String nameContains, PageRequest request) {
        if (!user.isMemberOf(team)) {
            return Page.of(List.of(), request, 0);
        }
        String filter = nameContains == null ? "" : nameContains.strip().toLowerCase(Locale.ROOT);
        return benchmarks.pageForTeams(List.of(team), "lower(name) like :name", Map.of("name", "%" + filter + "%"),
                request, "name, id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Benchmark get(CurrentUser user, long id) {
        return benchmarks.getForTeams(id, user.teams(), "Benchmark");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long rows(Benchmark benchmark) {
        return leaderboard.rows(benchmark.id);
    }

    /** One page of the benchmark's leaderboard; 404 for a benchmark of another team. */
    // A transaction of its own (the class's), not SUPPORTS: the page re-reads it, and the chart, while a push is
    // written, outside any request.
    public Page<BenchmarkRow> leaderboard(CurrentUser user, long id, LeaderboardFilter filter, String sort,
            PageRequest request) {
        Benchmark benchmark = get(user, id);
        LeaderboardSort order = LeaderboardSort.of(sort, benchmark.epsilons());
        Page<LeaderboardEntry> page = leaderboard.page(benchmark.id, filter, order, request);
        Map<Long, List<LeaderboardRobust>> points = robust.ofResults(
                page.items().stream().map(e -> e.resultId).toList()).stream()
                .collect(Collectors.groupingBy(p -> p.resultId));
        List<BenchmarkRow> rows = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            LeaderboardEntry e = page.items().get(i);
            Integer rank = order.ranked() ? (int) request.offset() + i + 1 : null;
            rows.add(row(rank, e, points.getOrDefault(e.resultId, List.of())));
        }
        return new Page<>(rows, page.page(), page.size(), page.total());
    }

    /** The chart above the leaderboard: the ranking's first {@value BenchmarkChart#CAP} rows at most. */
    public BenchmarkChart chart(CurrentUser user, long id) {
        Benchmark benchmark = get(user, id);
        List<ChartPoint> points = leaderboard.top(benchmark.id, BenchmarkChart.CAP).stream()
                .map(e -> new ChartPoint(e.modelVersionId, e.modelLabel(), e.cleanAccuracy, e.headlineRobust,
                        e.reliable, e.stale))
                .toList();
        return new BenchmarkChart(points, leaderboard.rows(benchmark.id), benchmark.headlineEpsilon());
    }

    /** Queues an evaluation of a model version of the team on the benchmark; its result joins the leaderboard. */
    public TrainingJob evaluate(CurrentUser user, long id, Long modelVersionId) {
        user.requireRole(Roles.ML_ENGINEER, "start evaluations");
        Benchmark benchmark = get(user, id);
        if (modelVersionId == null) {
            throw ProblemException.badRequest("modelVersionId: name the model version to evaluate: "
                    + "{\"modelVersionId\": 1}");
        }
        ModelVersion model = models.get(user, modelVersionId);
        EvaluationJobs.requireEvaluable(model, benchmark.datasetVersion, "modelVersionId");
        if (leaderboard.hasRow(benchmark.id, model.id) || benchmarkJobs.hasLiveJob(benchmark.id, model.id)) {
            throw ProblemException.conflict(model.label() + " is already evaluated (or queued) on benchmark '"
                    + benchmark.name + "'");
        }
        TrainingJob job = jobs.queueEvaluation(model, benchmark.datasetVersion, user.username(),
                "on benchmark '" + benchmark.name + "'");
        BenchmarkJob link = new BenchmarkJob();
        link.jobId = job.id;
        link.benchmarkId = benchmark.id;
        benchmarkJobs.persist(link);
        return job;
    }

    private static void requireCreator(CurrentUser user) {
        if (!user.hasRole(Roles.ML_ENGINEER) && !user.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only an ml-engineer or an admin may define benchmarks");
        }
    }

    private static BenchmarkRow row(Integer rank, LeaderboardEntry e, List<LeaderboardRobust> points) {
        List<RobustAt> robust = points.stream()
                .map(p -> new RobustAt(p.epsilon, new Estimate(p.accuracy, p.lower, p.upper)))
                .toList();
        List<String> flags = List.of(Json.read(e.reliabilityChecksJson, String[].class));
        return new BenchmarkRow(rank, e.resultId, e.modelVersionId, e.modelLabel(), e.baseLabel,
                new Estimate(e.cleanAccuracy, e.cleanLower, e.cleanUpper), robust, e.suiteVersion, e.examples,
                e.expectedCalibrationError, e.corruptionAccuracy, e.corruptionError, e.reliable, flags, e.stale,
                e.createdAt);
    }
}
