package dev.temper.evaluation;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.RobustPoint;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository results;
    private final AuditLog audit;

    EvaluationService(EvaluationRepository results, AuditLog audit) {
        this.results = results;
        this.audit = audit;
    }

    /** Stores what an evaluation worker measured; part of the job's completion transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationResult record(String actor, ModelVersion model, DatasetVersion dataset, long jobId,
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
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEvaluated(ModelVersion model, DatasetVersion dataset) {
        return results.exists(model, dataset);
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
