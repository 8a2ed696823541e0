package dev.temper.modelcard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.approval.ApprovalRequest;
import dev.temper.base.Json;
import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.RobustAccuracy;
import dev.temper.modelcard.ModelCardFacts.Adversarial;
import dev.temper.modelcard.ModelCardFacts.Attack;
import dev.temper.modelcard.ModelCardFacts.BaseComparison;
import dev.temper.modelcard.ModelCardFacts.Corruption;
import dev.temper.modelcard.ModelCardFacts.DataFacts;
import dev.temper.modelcard.ModelCardFacts.Details;
import dev.temper.modelcard.ModelCardFacts.Estimate;
import dev.temper.modelcard.ModelCardFacts.EvaluationFacts;
import dev.temper.modelcard.ModelCardFacts.Flag;
import dev.temper.modelcard.ModelCardFacts.Pairing;
import dev.temper.registry.ModelVersion;
import dev.temper.training.StrategyText;
import dev.temper.training.TrainingSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** From the stored records (entities and the engine's report JSON) to a card's facts. */
final class CardRecords {

    private CardRecords() {
    }

    /**
     * @param baseResults the base version's results by dataset version id
     * @param pairings    by the id of each of {@code results} that has a base result: its paired tests with it
     * @param statedUse   the request whose intended use the card quotes, or null
     * @param approving   the approval that freezes the card, or null for a live card
     */
    static ModelCardFacts facts(ModelVersion version, List<EvaluationResult> results, long resultsTotal,
            Map<Long, EvaluationResult> baseResults, Map<Long, Pairing> pairings, ApprovalRequest statedUse, ApprovalRequest approving,
            Instant now) {
        TrainingSettings settings = Json.read(version.settingsJson, TrainingSettings.class);
        List<String> recipe = StrategyText.lines(settings);
        Details details = new Details(version.team, version.name, version.version, version.sha256.strip(),
                recipe.get(0).replaceFirst("^Architecture: ", ""), version.datasetVersion.classNames(),
                version.createdBy, version.createdAt, version.jobId,
                version.baseVersion == null ? null : version.baseVersion.label());
        List<EvaluationFacts> evaluations = new ArrayList<>();
        for (EvaluationResult result : results) {
            EvaluationResult base = baseResults.get(result.datasetVersion.id);
            evaluations.add(evaluation(result, base == null ? null : comparison(base, pairings.getOrDefault(result.id,
                    Pairing.unavailable("no paired test was made")))));
        }
        return new ModelCardFacts(details,
                statedUse == null ? null : new ModelCardFacts.IntendedUse(statedUse.intendedUse,
                        statedUse.caveats, statedUse.requestedBy, statedUse.requestedAt, statedUse.id),
                approving == null ? null : new ModelCardFacts.Approval(approving.id, approving.targetAlias,
                        approving.decidedBy, approving.decidedAt),
                data(version.datasetVersion), recipe.subList(1, recipe.size()), adversarial(settings.strategy()
                        .adversarial()), evaluations, resultsTotal, now);
    }

    static DataFacts data(DatasetVersion d) {
        String origin = d.parent == null ? d.operation : d.operation + " of " + d.parent.label();
        return new DataFacts(d.team, d.dataset.name, d.version, d.sha256.strip(), d.kind.name(), d.shape(),
                d.trainCount, d.validationCount, d.testCount, d.classNames(), d.epsilonUnit().description(), origin);
    }

    private static Adversarial adversarial(AdversarialSpec a) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (a.method() != AdversarialSpec.Method.NONE) {
            settings.put("epsilon", a.epsilon());
            if (a.method().iterative()) {
                settings.put("steps", a.steps());
                settings.put("stepSize", a.stepSize());
            }
            if (a.method().paired()) {
                settings.put("beta", a.beta());
            } else {
                settings.put("ratio", a.ratio());
                settings.put("keepClean", a.keepClean());
                settings.put("randomStart", a.randomStart());
            }
            settings.put("warmupEpochs", a.warmupEpochs());
        }
        return new Adversarial(StrategyText.adversarial(a), a.method().name(), settings);
    }

    private static EvaluationFacts evaluation(EvaluationResult r, BaseComparison base) {
        JsonNode report = report(r.report);
        JsonNode provenance = report.path("provenance");
        return new EvaluationFacts(r.id, data(r.datasetVersion), r.examples, r.testExamples, r.excludedOverlap,
                r.overlapCheck == null ? null : r.overlapCheck.name(),
                new Estimate(r.cleanAccuracy, r.cleanLower, r.cleanUpper, null, r.examples),
                r.expectedCalibrationError, r.negativeLogLikelihood, r.threatNorm, r.threatUnit, r.threatModel,
                r.suiteVersion, worstCase(r), byAttack(r), attacks(report), corruptions(report),
                r.meanCorruptionAccuracy, r.meanCorruptionError, r.reliable,
                r.reliabilityFlags().stream().map(f -> new Flag(f.check(), f.reason())).toList(),
                r.modelSha256.strip(), r.engineVersion,
                provenance.hasNonNull("seed") ? provenance.get("seed").asLong() : null, r.createdAt, base);
    }

    private static BaseComparison comparison(EvaluationResult base, Pairing pairing) {
        return new BaseComparison(base.modelVersion.label(),
                new Estimate(base.cleanAccuracy, base.cleanLower, base.cleanUpper, null, base.examples),
                worstCase(base), base.threatModel, pairing);
    }

    private static SortedMap<Double, Estimate> worstCase(EvaluationResult r) {
        SortedMap<Double, Estimate> worst = new TreeMap<>();
        for (RobustAccuracy a : r.robustAccuracies) {
            if (RobustAccuracy.WORST_CASE.equals(a.attack)) {
                worst.put(a.epsilon, estimate(a));
            }
        }
        return worst;
    }

    private static SortedMap<String, SortedMap<Double, Estimate>> byAttack(EvaluationResult r) {
        SortedMap<String, SortedMap<Double, Estimate>> byAttack = new TreeMap<>();
        for (RobustAccuracy a : r.robustAccuracies) {
            if (!RobustAccuracy.WORST_CASE.equals(a.attack)) {
                byAttack.computeIfAbsent(a.attack, k -> new TreeMap<>()).put(a.epsilon, estimate(a));
            }
        }
        return byAttack;
    }

    private static Estimate estimate(RobustAccuracy a) {
        return new Estimate(a.accuracy, a.lower, a.upper, a.correct, a.examples);
    }

    /** The engine's report; rows recorded before reports were kept, or with a report unreadable, give none. */
    private static JsonNode report(String json) {
        if (json == null || json.isBlank()) {
            return Json.tree(Map.of());
        }
        try {
            return Json.read(json, JsonNode.class);
        } catch (IllegalStateException unreadable) {
            return Json.tree(Map.of());
        }
    }

    private static List<Attack> attacks(JsonNode report) {
        List<Attack> attacks = new ArrayList<>();
        for (JsonNode attack : report.path("adversarial").path("attacks")) {
            Map<String, Object> parameters = attack.path("parameters").isObject()
                    ? Json.read(attack.get("parameters").toString(), new TypeReference<LinkedHashMap<String, Object>>() { })
                    : Map.of();
            attacks.add(new Attack(attack.path("name").asText(), parameters));
        }
        return attacks;
    }

    private static List<Corruption> corruptions(JsonNode report) {
        List<Corruption> corruptions = new ArrayList<>();
        for (JsonNode type : report.path("corruptions").path("types")) {
            List<Double> bySeverity = new ArrayList<>();
            type.path("bySeverity").forEach(severity -> bySeverity.add(severity.path("value").asDouble()));
            corruptions.add(new Corruption(type.path("type").asText(), type.path("meanAccuracy").asDouble(),
                    bySeverity, type.hasNonNull("relativeError") ? type.get("relativeError").asDouble() : null));
        }
        return corruptions;
    }
}
