package dev.temper.evaluation;

import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import dev.temper.evaluation.EvaluationEvidence.Curve;
import dev.temper.evaluation.EvaluationEvidence.CurvePoint;
import dev.temper.evaluation.EvaluationEvidence.Estimate;
import dev.temper.evaluation.EvaluationEvidence.ExplainedFlag;
import dev.temper.evaluation.EvaluationEvidence.Provenance;
import dev.temper.evaluation.EvaluationEvidence.Threat;
import dev.temper.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One evaluation's evidence for its result page: the checked row, and what of the engine's report holds up. */
@ApplicationScoped
public class EvaluationEvidenceService {

    private final EvaluationService evaluations;

    EvaluationEvidenceService(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** For a member of the evaluation's team; 404 for anyone else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationEvidence evidence(CurrentUser user, long evaluationId) {
        EvaluationResult r = evaluations.get(user, evaluationId);
        int cleanCorrect = (int) Math.round(r.cleanAccuracy * r.examples);
        ReportEvidence.Sections report = ReportEvidence.read(r.report,
                new ReportEvidence.Row(r.examples, cleanCorrect, r.modelSha256, r.datasetVersion.classNames()));
        Provenance provenance = new Provenance(r.modelSha256, r.datasetSha256, r.perExampleSha256, report.seed(),
                r.engineVersion, report.tensorflowVersion(), report.djlVersion(), r.suiteVersion, r.threatModel,
                report.attacks(), report.corruptionSeed(), report.noiseSeed(), r.jobId);
        return new EvaluationEvidence(r.id, r.modelVersion.id, r.modelVersion.label(),
                r.modelVersion.baseVersion == null ? null : r.modelVersion.baseVersion.label(), r.datasetVersion.id,
                r.datasetVersion.label(), r.examples, r.testExamples, r.excludedOverlap, r.overlapCheck,
                Estimate.of(cleanCorrect, r.examples), r.expectedCalibrationError, r.negativeLogLikelihood,
                threat(r), r.suiteVersion, curves(r), report.bins(), report.confusion(), report.perClass(),
                report.corruptions(), r.meanCorruptionAccuracy, r.meanCorruptionError, report.noise(), provenance,
                r.reliable, flags(r), report.notShown(), r.createdAt);
    }

    private static Threat threat(EvaluationResult r) {
        return r.threatNorm == null ? null : new Threat(r.threatNorm, r.threatUnit, r.threatEpsilons(), r.threatModel);
    }

    /** The worst case first, then each attack by name; points by epsilon. Counts were checked on submission. */
    static List<Curve> curves(EvaluationResult r) {
        Map<String, List<CurvePoint>> byAttack = new TreeMap<>();
        for (RobustAccuracy a : r.robustAccuracies) {
            Estimate estimate = a.correct == null ? new Estimate(a.accuracy, a.lower, a.upper, null, null)
                    : new Estimate(a.accuracy, a.lower, a.upper, a.correct, a.examples);
            byAttack.computeIfAbsent(a.attack, k -> new ArrayList<>()).add(new CurvePoint(a.epsilon, estimate));
        }
        List<Curve> curves = new ArrayList<>();
        List<CurvePoint> worst = byAttack.remove(RobustAccuracy.WORST_CASE);
        if (worst != null) {
            curves.add(new Curve(RobustAccuracy.WORST_CASE, sorted(worst)));
        }
        byAttack.forEach((attack, points) -> curves.add(new Curve(attack, sorted(points))));
        return List.copyOf(curves);
    }

    private static List<CurvePoint> sorted(List<CurvePoint> points) {
        return points.stream().sorted((a, b) -> Double.compare(a.epsilon(), b.epsilon())).toList();
    }

    /** Each check that fired with what it means in general (null for a check unknown here) and its evidence. */
    static List<ExplainedFlag> flags(EvaluationResult r) {
        return r.reliabilityFlags().stream()
                .map(f -> new ExplainedFlag(f.check(), meaning(f.check()), f.reason()))
                .toList();
    }

    private static String meaning(String check) {
        for (ReliabilityFlag.Check known : ReliabilityFlag.Check.values()) {
            if (known.name().equals(check)) {
                return known.meaning();
            }
        }
        return null;
    }

    /** "L-inf" for LINF; the stored name when unknown. */
    public static String normLabel(String norm) {
        for (Norm known : Norm.values()) {
            if (known.name().equals(norm)) {
                return known.label();
            }
        }
        return norm;
    }
}
