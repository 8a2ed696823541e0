package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AdversarialResult;
import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.attacks.CoordinateProposal;
import dev.temper.engine.evaluation.attacks.Fgsm;
import dev.temper.engine.evaluation.attacks.GradientMaskingSentinel;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.evaluation.attacks.RandomSearch;
import dev.temper.engine.evaluation.attacks.RobustnessCurve;
import dev.temper.engine.evaluation.attacks.SearchProposal;
import dev.temper.engine.evaluation.attacks.SentinelReport;
import dev.temper.engine.evaluation.attacks.SquareProposal;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.ModelManifest;
import java.nio.file.Path;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's attack section, in the threat model's {@link AttackSpace}: gradient attacks on the restored
 * graph plus a gradient-free search. Every attack counts toward the per-example worst case, so a masked model
 * cannot report robustness that a gradient-free attack already disproved.
 */
final class AdversarialEvaluation {

    private AdversarialEvaluation() {
    }

    /** The curve, the flags its attacks already show, and per example what held. */
    record Outcome(AdversarialResult adversarial, List<ReliabilityFlag> flags,
                   SortedMap<String, SortedMap<Double, BitSet>> survived) {
    }

    /**
     * @param judge     logits of standardized inputs from the served model
     * @param rawInputs test rows before standardization
     */
    static Outcome run(Path modelDir, ModelManifest manifest, Classifier judge, float[][] rawInputs, int[] labels,
                       EvaluationSpec spec) {
        ThreatModel threat = spec.threatModel();
        AttackSpace space = AttackSpace.of(threat, manifest.standardization(), spec.trainStd());
        InputBounds bounds = space.bounds();
        int steps = spec.suite() == SuiteVersion.QUICK ? 20 : 100;
        int queries = spec.suite() == SuiteVersion.QUICK ? 100 : 1000;
        PgdSettings pgd = PgdSettings.standard(steps, 1);
        SearchProposal proposal = spec.imageShape() != null ? new SquareProposal(spec.imageShape().height(),
                spec.imageShape().width(), spec.imageShape().channels()) : new CoordinateProposal();
        RandomSearch search = new RandomSearch(queries, bounds, spec.seed(), proposal);
        List<Attack> attacks = List.of(new Fgsm(bounds), new Pgd(pgd, bounds, spec.seed()), search);
        try (GraphAttackTarget graph = new GraphAttackTarget(modelDir, manifest)) {
            AttackTarget target = space.target(graph);
            float[][] inputs = space.fromRaw(rawInputs);
            List<RobustnessCurve.Measured> measured = new RobustnessCurve(target, space.judge(judge), attacks)
                    .measureWithMasks(inputs, labels, threat.epsilons());
            SentinelReport sentinel = GradientMaskingSentinel.assess(measured, Set.of(Fgsm.NAME, Pgd.NAME), search,
                    labels.length, GradientMaskingSentinel.zeroGradientInputs(target, inputs, labels));
            List<AdversarialResult.AttackSettings> settings = new ArrayList<>();
            settings.add(new AdversarialResult.AttackSettings(Fgsm.NAME, Map.of()));
            settings.add(new AdversarialResult.AttackSettings(Pgd.NAME, Map.of("steps", pgd.steps(),
                    "relativeStepSize", pgd.relativeStepSize(), "restarts", pgd.restarts(), "randomStart", true)));
            settings.add(new AdversarialResult.AttackSettings(RandomSearch.NAME, Map.of("queries", queries,
                    "proposal", proposal.name())));
            AdversarialResult result = new AdversarialResult(threat.norm().label(), threat.unit().description(),
                    threat.describe(), spec.suite().name(), measured.stream().map(RobustnessCurve.Measured::point)
                    .toList(), settings, spec.seed(), labels.length);
            List<ReliabilityFlag> flags = new ArrayList<>();
            if (sentinel.gradientMaskingSuspected()) {
                sentinel.reasons().forEach(reason -> flags.add(new ReliabilityFlag(reason.contains("zero")
                        ? ReliabilityFlag.Check.ZERO_GRADIENTS : ReliabilityFlag.Check.GRADIENT_FREE_STRONGER, reason)));
            }
            SortedMap<String, SortedMap<Double, BitSet>> survived = new TreeMap<>();
            for (RobustnessCurve.Measured point : measured) {
                double epsilon = point.point().epsilon();
                point.survivedByAttack().forEach((attack, mask) -> survived.computeIfAbsent(attack,
                        a -> new TreeMap<>()).put(epsilon, PerExampleOutcomes.bits(mask)));
                survived.computeIfAbsent(PerExampleOutcomes.WORST_CASE, a -> new TreeMap<>())
                        .put(epsilon, PerExampleOutcomes.bits(point.robust()));
            }
            return new Outcome(result, flags, survived);
        }
    }
}
