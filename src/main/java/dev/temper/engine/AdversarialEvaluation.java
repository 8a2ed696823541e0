package dev.temper.engine;

import dev.temper.engine.attacks.AdversarialResult;
import dev.temper.engine.attacks.Attack;
import dev.temper.engine.attacks.Classifier;
import dev.temper.engine.attacks.Fgsm;
import dev.temper.engine.attacks.GradientMaskingSentinel;
import dev.temper.engine.attacks.InputBounds;
import dev.temper.engine.attacks.Pgd;
import dev.temper.engine.attacks.RandomSearch;
import dev.temper.engine.attacks.RobustnessCurve;
import dev.temper.engine.attacks.SentinelReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The suite's attack section: FGSM and PGD on the restored graph, plus the gradient-free sentinel when
 * asked for. The sentinel's attack also counts toward the worst case, so a masked model cannot report
 * robustness that a gradient-free attack already disproved.
 */
final class AdversarialEvaluation {

    static final String UNITS = "L-infinity, standardized feature units";

    private AdversarialEvaluation() {
    }

    record Outcome(AdversarialResult adversarial, SentinelReport sentinel) {
    }

    static Outcome run(Path modelDir, ModelManifest manifest, Classifier judge, float[][] inputs, int[] labels,
                       EvaluationSpec spec) {
        // Standardized features have no natural box; image bounds arrive with image manifests.
        InputBounds bounds = InputBounds.UNBOUNDED;
        List<Attack> attacks = new ArrayList<>(List.of(new Fgsm(bounds), new Pgd(spec.pgd(), bounds, spec.seed())));
        RandomSearch search = new RandomSearch(Math.max(1, spec.sentinelQueries()), bounds, spec.seed());
        if (spec.sentinel()) {
            attacks.add(search);
        }
        try (GraphAttackTarget target = new GraphAttackTarget(modelDir, manifest)) {
            List<RobustnessCurve.Measured> measured = new RobustnessCurve(target, judge, attacks)
                    .measureWithMasks(inputs, labels, spec.attackEpsilons());
            SentinelReport sentinel = null;
            if (spec.sentinel()) {
                sentinel = GradientMaskingSentinel.assess(measured, Set.of(Fgsm.NAME, Pgd.NAME), search,
                        labels.length, GradientMaskingSentinel.zeroGradientInputs(target, inputs, labels));
            }
            AdversarialResult result = new AdversarialResult(measured.stream().map(RobustnessCurve.Measured::point)
                    .toList(), attacks.stream().map(Attack::name).toList(), spec.pgd(), spec.seed(), labels.length, UNITS);
            return new Outcome(result, sentinel);
        }
    }
}
