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
import dev.temper.engine.evaluation.attacks.RandomSearch;
import dev.temper.engine.evaluation.attacks.RobustnessCurve;
import dev.temper.engine.evaluation.attacks.SearchProposal;
import dev.temper.engine.evaluation.attacks.SentinelReport;
import dev.temper.engine.evaluation.attacks.SquareProposal;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.Standardization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The suite's attack section: FGSM and PGD on the restored graph, plus the gradient-free sentinel when
 * asked for. The sentinel's attack also counts toward the worst case, so a masked model cannot report
 * robustness that a gradient-free attack already disproved. Tabular data is attacked in standardized
 * units (no natural box); images in raw pixel units inside [0, 1], as image robustness is usually quoted.
 */
final class AdversarialEvaluation {

    static final String TABULAR_UNITS = "L-infinity, standardized feature units";
    static final String IMAGE_UNITS = "L-infinity, raw pixel units, inputs clipped to [0, 1]";

    private AdversarialEvaluation() {
    }

    record Outcome(AdversarialResult adversarial, SentinelReport sentinel) {
    }

    /**
     * @param judge      logits of standardized inputs from the served model
     * @param rawInputs  test rows before standardization
     */
    static Outcome run(Path modelDir, ModelManifest manifest, Classifier judge, float[][] rawInputs, int[] labels,
                       EvaluationSpec spec) {
        boolean images = spec.imageShape() != null;
        InputBounds bounds = images ? InputBounds.UNIT : InputBounds.UNBOUNDED;
        Standardization standardization = manifest.standardization();
        List<Attack> attacks = new ArrayList<>(List.of(new Fgsm(bounds), new Pgd(spec.pgd(), bounds, spec.seed())));
        SearchProposal proposal = images ? new SquareProposal(spec.imageShape().height(), spec.imageShape().width(),
                spec.imageShape().channels()) : new CoordinateProposal();
        RandomSearch search = new RandomSearch(Math.max(1, spec.sentinelQueries()), bounds, spec.seed(), proposal);
        if (spec.sentinel()) {
            attacks.add(search);
        }
        try (GraphAttackTarget graph = new GraphAttackTarget(modelDir, manifest)) {
            AttackTarget target = images ? new RawInputTarget(graph, standardization) : graph;
            Classifier servedJudge = images ? raw -> judge.logits(standardization.apply(raw)) : judge;
            float[][] inputs = images ? rawInputs : standardization.apply(rawInputs);
            List<RobustnessCurve.Measured> measured = new RobustnessCurve(target, servedJudge, attacks)
                    .measureWithMasks(inputs, labels, spec.attackEpsilons());
            SentinelReport sentinel = null;
            if (spec.sentinel()) {
                sentinel = GradientMaskingSentinel.assess(measured, Set.of(Fgsm.NAME, Pgd.NAME), search,
                        labels.length, GradientMaskingSentinel.zeroGradientInputs(target, inputs, labels));
            }
            AdversarialResult result = new AdversarialResult(measured.stream().map(RobustnessCurve.Measured::point)
                    .toList(), attacks.stream().map(Attack::name).toList(), spec.pgd(), spec.seed(), labels.length,
                    images ? IMAGE_UNITS : TABULAR_UNITS);
            return new Outcome(result, sentinel);
        }
    }
}
