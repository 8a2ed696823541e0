package dev.temper.modelcard;

import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.comparison.ComparisonService;
import dev.temper.evaluation.comparison.PairedComparison;
import dev.temper.modelcard.ModelCardFacts.Pairing;
import dev.temper.modelcard.ModelCardFacts.PairedTest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A version's evaluations paired example by example with its base's on the same dataset version (McNemar's exact
 * test, as on the comparison page), for the card's robustness section. A pair that cannot be tested is stated with
 * the reason rather than failing the card: old rows without per-example outcomes, other test examples, other norms.
 */
@ApplicationScoped
class BasePairings {

    private final ComparisonService comparisons;

    BasePairings(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    /** @return by the id of each result that has a base result on its dataset version */
    Map<Long, Pairing> of(List<EvaluationResult> results, Map<Long, EvaluationResult> baseByDataset) {
        Map<Long, Pairing> pairings = new HashMap<>();
        for (EvaluationResult result : results) {
            EvaluationResult base = baseByDataset.get(result.datasetVersion.id);
            if (base != null) {
                pairings.put(result.id, pair(result, base));
            }
        }
        return pairings;
    }

    private Pairing pair(EvaluationResult version, EvaluationResult base) {
        PairedComparison compared;
        try {
            compared = comparisons.pairRecorded(base, version);
        } catch (ProblemException refused) {
            return Pairing.unavailable(refused.detail());
        }
        // The base is the comparison's left side: "only right" is what this version holds and the base does not.
        return new Pairing(compared.outcomes().stream().map(o -> new PairedTest(o.epsilon(), compared.examples(),
                o.onlyRight(), o.onlyLeft(), o.pValue(), o.verdict())).toList(), null);
    }
}
