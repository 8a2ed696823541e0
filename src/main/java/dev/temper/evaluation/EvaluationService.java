package dev.temper.evaluation;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.JobKind;
import dev.temper.contract.RobustPoint;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.training.TrainingJob;
import dev.temper.training.workerapi.WorkerJobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository results;
    private final WorkerJobService workerJobs;
    private final AuditLog audit;
    private final Event<EvaluationRecorded> recorded;

    EvaluationService(EvaluationRepository results, WorkerJobService workerJobs, AuditLog audit,
            Event<EvaluationRecorded> recorded) {
        this.results = results;
        this.workerJobs = workerJobs;
        this.audit = audit;
        this.recorded = recorded;
    }

    /**
     * What an evaluation worker measured: stored, and its job ended, in one transaction. The token is checked
     * before anything of the report is looked at.
     */
    @Transactional
    public EvaluationResult complete(long jobId, String token, EvaluationSubmission report) {
        TrainingJob job = workerJobs.authenticate(jobId, token);
        if (job.kind != JobKind.EVALUATE) {
            throw ProblemException.badRequest("A " + job.kind + " job produces a model, not evaluation results");
        }
        if (report == null) {
            throw ProblemException.badRequest("The request has no body");
        }
        EvaluationResult result = record(job.createdBy, job.evaluatedVersion, job.datasetVersion, jobId, report);
        workerJobs.succeed(job, "Evaluated " + report.examples() + " test examples");
        return result;
    }

    private EvaluationResult record(String actor, ModelVersion model, DatasetVersion dataset, long jobId,
            EvaluationSubmission report) {
        EvaluationResult result = new EvaluationResult();
        result.team = model.team;
        result.modelVersion = model;
        result.datasetVersion = dataset;
        result.jobId = jobId;
        result.examples = report.examples();
        result.cleanAccuracy = report.cleanAccuracy();
        result.cleanLower = report.cleanLower();
        result.cleanUpper = report.cleanUpper();
        result.expectedCalibrationError = report.expectedCalibrationError();
        result.negativeLogLikelihood = report.negativeLogLikelihood();
        result.gradientMaskingSuspected = report.gradientMaskingSuspected();
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
            result.robustAccuracies.add(robust);
        }
        results.persist(result);
        audit.record(actor, model.team, AuditAction.EVALUATION_RECORD, result.id,
                model.label() + " on " + dataset.label() + ": clean " + String.format("%.4f", report.cleanAccuracy())
                        + (report.gradientMaskingSuspected() ? ", gradient masking suspected" : ""));
        recorded.fire(new EvaluationRecorded(result.id, model.team, model.id, dataset.id));
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvaluationResult> leaderboard(CurrentUser user, long datasetVersionId) {
        return results.forDataset(datasetVersionId, user.teams());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvaluationResult> all(CurrentUser user) {
        return results.forTeams(user.teams());
    }
}
