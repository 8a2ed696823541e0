package dev.temper.evaluation;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.Json;
import dev.temper.base.Sha256;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.DataKind;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.JobKind;
import dev.temper.contract.RobustPoint;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.training.TrainingJob;
import dev.temper.training.workerapi.WorkerJobService;
import dev.temper.storage.ArtifactStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository results;
    private final WorkerJobService workerJobs;
    private final AuditLog audit;
    private final Event<EvaluationRecorded> recorded;
    private final ArtifactStore store;
    private final BenchmarkPlacement placement;

    EvaluationService(EvaluationRepository results, WorkerJobService workerJobs, AuditLog audit,
            Event<EvaluationRecorded> recorded, ArtifactStore store, BenchmarkPlacement placement) {
        this.results = results;
        this.placement = placement;
        this.store = store;
        this.workerJobs = workerJobs;
        this.audit = audit;
        this.recorded = recorded;
    }

    /**
     * What an evaluation worker measured: checked whole (the token before anything of the report is looked at),
     * then its per-example outcomes written to the artifact store, then the row stored and the job ended in one
     * transaction. A refusal stores nothing; a failure after the file was written removes it again.
     */
    public EvaluationResult complete(long jobId, String token, EvaluationSubmission report) {
        SubmissionCheck.Checked checked = QuarkusTransaction.requiringNew().call(() -> check(jobId, token, report));
        String team = QuarkusTransaction.requiringNew().call(() -> workerJobs.authenticate(jobId, token).team);
        // Unique even if the database is ever reset while the store is kept.
        String stem = "evaluations/" + team + "/job-" + jobId + "-" + UUID.randomUUID();
        String key = stem + ".tpex";
        String stripKey = checked.strip() == null ? null : stem + ".tadv";
        put(key, checked.perExample());
        try {
            if (stripKey != null) {
                put(stripKey, checked.strip());
            }
            return QuarkusTransaction.requiringNew().call(() -> {
                TrainingJob job = authenticatedEvaluation(jobId, token);
                EvaluationResult result = record(job, checked, key, stripKey);
                workerJobs.succeed(job, "Evaluated " + report.examples() + " test examples"
                        + (report.overlap().excluded() > 0 ? " (" + report.overlap().excluded()
                                + " left out: the model was trained on them)" : ""));
                return result;
            });
        } catch (RuntimeException e) {
            store.delete(key);
            if (stripKey != null) {
                store.delete(stripKey);
            }
            throw e;
        }
    }

    private SubmissionCheck.Checked check(long jobId, String token, EvaluationSubmission report) {
        TrainingJob job = authenticatedEvaluation(jobId, token);
        DatasetVersion dataset = job.datasetVersion;
        return SubmissionCheck.check(report, new SubmissionCheck.Expected(dataset.testCount, dataset.epsilonUnit(),
                WorkerJobService.overlapCheck(job.evaluatedVersion, dataset),
                dataset.kind == DataKind.IMAGE ? dataset.shape() : null, dataset.classNames().size()));
    }

    private TrainingJob authenticatedEvaluation(long jobId, String token) {
        TrainingJob job = workerJobs.authenticate(jobId, token);
        if (job.kind != JobKind.EVALUATE) {
            throw ProblemException.badRequest("A " + job.kind + " job produces a model, not evaluation results");
        }
        return job;
    }

    private EvaluationResult record(TrainingJob job, SubmissionCheck.Checked checked, String perExampleKey,
            String stripKey) {
        ModelVersion model = job.evaluatedVersion;
        DatasetVersion dataset = job.datasetVersion;
        EvaluationSubmission report = checked.submission();
        EvaluationResult result = new EvaluationResult();
        result.team = model.team;
        result.modelVersion = model;
        result.datasetVersion = dataset;
        result.jobId = job.id;
        result.examples = report.examples();
        result.cleanAccuracy = report.cleanAccuracy();
        result.cleanLower = report.cleanLower();
        result.cleanUpper = report.cleanUpper();
        result.expectedCalibrationError = report.expectedCalibrationError();
        result.negativeLogLikelihood = report.negativeLogLikelihood();
        result.reliable = report.reliable();
        result.reliabilityFlagsJson = Json.write(report.flags());
        result.threatNorm = report.threatModel().norm();
        result.threatUnit = report.threatModel().unit();
        result.threatEpsilonsJson = Json.write(report.threatModel().epsilons().stream().sorted().toList());
        result.threatModel = report.threatModel().description();
        result.suiteVersion = report.suite();
        result.overlapCheck = report.overlap().check();
        result.excludedOverlap = report.overlap().excluded();
        result.testExamples = report.overlap().testExamples();
        result.perExampleKey = perExampleKey;
        result.perExampleSha256 = Sha256.hex(checked.perExample());
        result.adversarialExamplesKey = stripKey;
        result.adversarialExamplesSha256 = checked.strip() == null ? null : Sha256.hex(checked.strip());
        result.meanCorruptionAccuracy = report.meanCorruptionAccuracy();
        result.meanCorruptionError = report.meanCorruptionError();
        result.report = report.reportJson();
        result.modelSha256 = report.modelSha256();
        result.datasetSha256 = dataset.sha256;
        result.engineVersion = report.engineVersion();
        result.createdAt = Instant.now();
        for (RobustPoint point : report.robust()) {
            RobustAccuracy robust = new RobustAccuracy();
            robust.result = result;
            robust.attack = point.attack();
            robust.epsilon = point.epsilon();
            robust.accuracy = point.accuracy();
            robust.lower = point.lower();
            robust.upper = point.upper();
            robust.correct = point.correct();
            robust.examples = point.examples();
            result.robustAccuracies.add(robust);
        }
        result.benchmarkId = placement.benchmarkFor(job, result);
        results.persist(result);
        audit.record(AuditLog.workerActor(job.id), model.team, AuditAction.EVALUATION_RECORD, result.id,
                model.label() + " on " + dataset.label() + ": clean " + String.format(Locale.ROOT, "%.4f",
                        report.cleanAccuracy()) + ", " + report.examples() + " examples, " + result.threatModel
                        + ", suite " + result.suiteVersion + (report.reliable() ? ""
                        : ", unreliable: " + report.flags().stream().map(f -> f.check()).toList())
                        + (result.excludedOverlap > 0 ? ", " + result.excludedOverlap + " excluded as seen in training" : "")
                        + ", per-example sha256=" + result.perExampleSha256
                        + (result.adversarialExamplesSha256 == null ? ""
                                : ", adversarial examples sha256=" + result.adversarialExamplesSha256)
                        + (result.benchmarkId == null ? "" : ", benchmark " + result.benchmarkId));
        recorded.fire(new EvaluationRecorded(result.id, model.team, model.id, dataset.id, result.benchmarkId));
        return result;
    }

    /** An evaluation of one of the user's teams; 404 for any other, as for an id that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationResult get(CurrentUser user, long evaluationId) {
        return results.findByIdOptional(evaluationId)
                .filter(r -> user.teams().contains(r.team))
                .orElseThrow(() -> ProblemException.notFound("Evaluation", evaluationId));
    }

    /**
     * The newest completed evaluation of the version on the benchmark (on any, when {@code benchmarkId} is null);
     * failed evaluation jobs record no result, so only completed ones are found.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<EvaluationResult> newest(ModelVersion version, Long benchmarkId) {
        return results.newest(version, benchmarkId);
    }

    /** An evaluation's per-example outcomes file, for a member of its team; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationResult withPerExample(CurrentUser user, long evaluationId) {
        return results.findByIdOptional(evaluationId)
                .filter(r -> user.teams().contains(r.team) && r.perExampleKey != null)
                .orElseThrow(() -> ProblemException.notFound("Per-example outcomes of evaluation", evaluationId));
    }

    private void put(String key, byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("per-example", ".tpex");
            Files.write(file, content);
            store.put(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file; the OS cleans up.
                }
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EvaluationResult> leaderboard(CurrentUser user, long datasetVersionId, PageRequest request) {
        return results.forDataset(datasetVersionId, user.teams(), request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EvaluationResult> all(CurrentUser user, PageRequest request) {
        return results.forTeams(user.teams(), request);
    }
}
