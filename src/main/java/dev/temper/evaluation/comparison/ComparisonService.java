package dev.temper.evaluation.comparison;

import dev.temper.base.problem.ProblemException;
import dev.temper.engine.evaluation.PerExampleOutcomes;
import dev.temper.engine.evaluation.compare.McNemar;
import dev.temper.engine.evaluation.compare.PairedTable;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.EvaluationService;
import dev.temper.evaluation.PerExampleFiles;
import dev.temper.evaluation.comparison.PairedComparison.Paired;
import dev.temper.evaluation.comparison.PairedComparison.Side;
import dev.temper.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Paired comparisons of two evaluations of the user's teams, from their per-example outcomes as recorded (each
 * file's hash verified before use), aligned by test-split position.
 */
@ApplicationScoped
public class ComparisonService {

    /** The most choices one fetch returns; a picker asks for a page of about 50. */
    static final int MAX_CHOICES = 100;

    private final EvaluationService evaluations;
    private final PerExampleFiles files;
    private final EvaluationChoices choices;

    ComparisonService(EvaluationService evaluations, PerExampleFiles files, EvaluationChoices choices) {
        this.evaluations = evaluations;
        this.files = files;
        this.choices = choices;
    }

    /**
     * A page of the user's teams' comparable evaluations, newest first, cut in the database.
     *
     * @param datasetVersionId only those on this dataset version (the other side's); null for any
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvaluationChoice> choices(CurrentUser user, Long datasetVersionId, String filter, int offset,
            int limit) {
        return choices.page(user.teams(), datasetVersionId, filter, Math.max(0, offset),
                Math.max(1, Math.min(MAX_CHOICES, limit)));
    }

    /** The choice for an evaluation of the user's teams; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationChoice choice(CurrentUser user, long evaluationId) {
        EvaluationResult r = evaluations.get(user, evaluationId);
        return new EvaluationChoice(r.id, r.modelVersion.label(), r.datasetVersion.id, r.datasetVersion.label(),
                r.suiteVersion);
    }

    /**
     * @throws ProblemException 404 when either is not an evaluation of the user's teams; 400 when they cannot be
     *                          paired (and why); 500 when a per-example file is not the one recorded
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PairedComparison compare(CurrentUser user, long leftId, long rightId) {
        return pairRecorded(evaluations.get(user, leftId), evaluations.get(user, rightId));
    }

    /**
     * Two evaluations the caller may already read (a model card pairs a version's evaluation with its base's),
     * compared from their recorded per-example outcomes. It opens no transaction of its own, so a refusal thrown
     * here leaves the caller's transaction (an approval freezing a card) as it was.
     *
     * @throws ProblemException 400 when they cannot be paired (and why); 500 when a per-example file is not the
     *                          one recorded
     */
    public PairedComparison pairRecorded(EvaluationResult left, EvaluationResult right) {
        Comparability.rows(left, right).orElseThrow(ProblemException::badRequest);
        PerExampleOutcomes a = files.read(left);
        PerExampleOutcomes b = files.read(right);
        Comparability.positions(left, a.positions(), right, b.positions()).orElseThrow(ProblemException::badRequest);
        boolean sameLabel = left.modelVersion.label().equals(right.modelVersion.label());
        Side leftSide = side(left, sameLabel);
        Side rightSide = side(right, sameLabel);
        List<Paired> outcomes = new ArrayList<>();
        outcomes.add(paired(leftSide, rightSide, null, a.clean(), b.clean(), a.examples()));
        SortedMap<Double, BitSet> leftWorst = worstCase(a);
        SortedMap<Double, BitSet> rightWorst = worstCase(b);
        for (Map.Entry<Double, BitSet> point : leftWorst.entrySet()) {
            BitSet other = rightWorst.get(point.getKey());
            if (other != null) {
                outcomes.add(paired(leftSide, rightSide, point.getKey(), point.getValue(), other, a.examples()));
            }
        }
        return new PairedComparison(leftSide, rightSide, left.datasetVersion.id, left.datasetVersion.label(),
                a.examples(), left.threatModel, List.copyOf(outcomes),
                caveats(left, leftSide, leftWorst, right, rightSide, rightWorst, outcomes.size()));
    }

    private static Side side(EvaluationResult r, boolean sameLabel) {
        String label = r.modelVersion.label();
        return new Side(r.id, r.modelVersion.id, label, sameLabel ? label + " (evaluation " + r.id + ")" : label,
                r.suiteVersion, r.reliable, r.cleanAccuracy, r.perExampleSha256);
    }

    private static Paired paired(Side left, Side right, Double epsilon, BitSet a, BitSet b, int examples) {
        PairedTable table = PairedTable.of(a, b, examples);
        double p = table.pValue();
        return new Paired(epsilon == null ? PairedComparison.CLEAN : PairedComparison.ROBUST, epsilon, table.both(),
                table.onlyA(), table.onlyB(), table.neither(), p, p < McNemar.ALPHA,
                ComparisonVerdict.of(left.name(), right.name(), epsilon, table));
    }

    private static SortedMap<Double, BitSet> worstCase(PerExampleOutcomes outcomes) {
        return outcomes.survived().getOrDefault(PerExampleOutcomes.WORST_CASE, new TreeMap<>());
    }

    private static List<String> caveats(EvaluationResult left, Side leftSide, SortedMap<Double, BitSet> leftWorst,
            EvaluationResult right, Side rightSide, SortedMap<Double, BitSet> rightWorst, int tests) {
        List<String> caveats = new ArrayList<>();
        if (left.suiteVersion != null && !left.suiteVersion.equals(right.suiteVersion)) {
            caveats.add(leftSide.name() + " was attacked with the " + left.suiteVersion + " suite and "
                    + rightSide.name() + " with " + right.suiteVersion + ": a weaker suite overstates robustness, so "
                    + "robust differences may come from the suites rather than the models.");
        }
        for (EvaluationResult r : List.of(left, right)) {
            if (!r.reliable) {
                caveats.add((r == left ? leftSide : rightSide).name() + "'s evaluation is unreliable ("
                        + String.join(", ", r.reliabilityFlags().stream().map(f -> f.check()).toList())
                        + "): its robust outcomes may overstate the model.");
            }
        }
        TreeSet<Double> onlyOne = new TreeSet<>(leftWorst.keySet());
        onlyOne.addAll(rightWorst.keySet());
        onlyOne.removeIf(e -> leftWorst.containsKey(e) && rightWorst.containsKey(e));
        for (double epsilon : onlyOne) {
            caveats.add("Epsilon " + ComparisonVerdict.number(epsilon) + " was measured only under "
                    + (leftWorst.containsKey(epsilon) ? leftSide.name() : rightSide.name()) + "; it is not compared.");
        }
        if (tests > 1) {
            caveats.add("Each of the " + tests + " tests is at the " + McNemar.ALPHA + " level on its own; across "
                    + "them, one chance finding is not unlikely.");
        }
        return List.copyOf(caveats);
    }
}
