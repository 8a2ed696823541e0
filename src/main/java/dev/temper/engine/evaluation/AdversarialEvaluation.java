package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AdversarialResult;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ModelManifest;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.SortedMap;

/**
 * The suite's attack section on exported models: opens the evaluated model's graph (and the base model's,
 * for the transfer check) in the threat model's {@link AttackSpace}, then runs {@link AttackSuiteRun}.
 */
final class AdversarialEvaluation {

    private AdversarialEvaluation() {
    }

    /** The curve, the reliability flags, and per example what held. */
    /** @param strip clean and adversarial images at the largest epsilon, for image models; else null */
    record Outcome(AdversarialResult adversarial, List<ReliabilityFlag> flags,
                   SortedMap<String, SortedMap<Double, BitSet>> survived, AdversarialStrip strip) {
    }

    /**
     * @param judge       logits of standardized inputs from the served model
     * @param rawInputs   test rows before standardization
     * @param baselineDir the base model, whose adversarial examples are tried on this one; may be null
     * @param progress    hears of each attack and of the reliability checks as they finish
     */
    static Outcome run(Path modelDir, ModelManifest manifest, Classifier judge, float[][] rawInputs, int[] labels,
                       EvaluationSpec spec, Path baselineDir, SuiteProgress progress) {
        ThreatModel threat = spec.threatModel();
        AttackSpace space = AttackSpace.of(threat, manifest.standardization(), spec.trainStd());
        AttackPlan plan = new AttackPlan(spec.suite(), threat.norm(), space.bounds(), spec.imageShape(), spec.seed());
        try (GraphAttackTarget graph = new GraphAttackTarget(modelDir, manifest);
             GraphAttackTarget base = baselineDir == null ? null : baseGraph(baselineDir, manifest)) {
            AttackTarget transferSource = base == null ? null
                    : AttackSpace.of(threat, ModelManifest.read(baselineDir).standardization(), spec.trainStd())
                    .target(base);
            AttackSuiteRun.Outcome outcome = AttackSuiteRun.run(new AttackSuiteRun.Subjects(space.target(graph),
                    space.judge(judge), transferSource), space.fromRaw(rawInputs), labels, threat, plan,
                    space.bounds().lower() > Float.NEGATIVE_INFINITY, spec.seed(), progress,
                    stripFits(spec, manifest));
            AdversarialResult result = new AdversarialResult(threat.norm().label(), threat.unit().description(),
                    threat.describe(), spec.suite().name(), outcome.curve(), plan.stages(manifest.inputDim()).stream()
                    .map(stage -> new AdversarialResult.AttackSettings(stage.name(), stage.parameters())).toList(),
                    spec.seed(), labels.length);
            return new Outcome(result, outcome.flags(), outcome.survived(),
                    strip(outcome.strip(), space, rawInputs, labels, spec, manifest));
        }
    }

    /** Images small enough to show and send; tables have nothing to look at. */
    private static boolean stripFits(EvaluationSpec spec, ModelManifest manifest) {
        return spec.imageShape() != null && spec.imageShape().size() <= AdversarialStrip.MAX_VALUES
                && manifest.classCount() <= AdversarialStrip.MAX_CLASSES;
    }

    /** The kept examples in raw pixels, positions being indices of the evaluated examples. */
    private static AdversarialStrip strip(AttackSuiteRun.Strip kept, AttackSpace space, float[][] rawInputs,
                                          int[] labels, EvaluationSpec spec, ModelManifest manifest) {
        // Nothing correctly classified is nothing to attack (a shifted copy can drop to 0%): no strip, not an empty one.
        if (kept == null || kept.picked().isEmpty()) {
            return null;
        }
        List<AdversarialStrip.Example> examples = kept.picked().stream().map(c -> new AdversarialStrip.Example(
                c.index(), c.attack(), labels[c.index()], kept.cleanPredictions()[c.index()], c.prediction(),
                rawInputs[c.index()].clone(), space.toRaw(c.adversarial()))).toList();
        return new AdversarialStrip(spec.threatModel().norm().name(), kept.epsilon(), spec.imageShape().height(),
                spec.imageShape().width(), spec.imageShape().channels(), manifest.classCount(), examples);
    }

    /** The base model, when it takes the same inputs; a base of another shape cannot be transferred from. */
    private static GraphAttackTarget baseGraph(Path baselineDir, ModelManifest evaluated) {
        ModelManifest base = ModelManifest.read(baselineDir);
        if (base.inputDim() != evaluated.inputDim() || base.classCount() != evaluated.classCount()) {
            return null;
        }
        return new GraphAttackTarget(baselineDir, base);
    }
}
