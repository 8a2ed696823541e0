package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.metrics.Logits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs attacks over a list of epsilons. Attacks search on the target; whether an adversarial input
 * fools the model is judged by a separate classifier (the served model through DJL), so the reported
 * numbers are those of the model users get.
 */
public final class RobustnessCurve {

    private final AttackTarget target;
    private final Classifier judge;
    private final List<Attack> attacks;

    public RobustnessCurve(AttackTarget target, Classifier judge, List<Attack> attacks) {
        if (attacks.isEmpty()) {
            throw new IllegalArgumentException("at least one attack is needed");
        }
        this.target = target;
        this.judge = judge;
        this.attacks = List.copyOf(attacks);
    }

    public List<EpsilonPoint> measure(float[][] inputs, int[] labels, List<Double> epsilons) {
        return measureWithMasks(inputs, labels, epsilons).stream().map(Measured::point).toList();
    }

    public List<Measured> measureWithMasks(float[][] inputs, int[] labels, List<Double> epsilons) {
        boolean[] cleanCorrect = Logits.correct(judge.logits(inputs), labels);
        List<Measured> curve = new ArrayList<>();
        for (double epsilon : epsilons) {
            curve.add(measureAt(inputs, labels, epsilon, cleanCorrect));
        }
        return curve;
    }

    /** One epsilon; also hands back the per-example robust mask for comparisons such as the sentinel's. */
    public Measured measureAt(float[][] inputs, int[] labels, double epsilon, boolean[] cleanCorrect) {
        boolean[] robust = cleanCorrect.clone();
        Map<String, Accuracy> byAttack = new TreeMap<>();
        Map<String, boolean[]> survivedByAttack = new TreeMap<>();
        for (Attack attack : attacks) {
            float[][] adversarial = attack.perturb(target, inputs, labels, epsilon);
            boolean[] survived = Logits.correct(judge.logits(adversarial), labels);
            for (int i = 0; i < robust.length; i++) {
                survived[i] &= cleanCorrect[i];
                robust[i] &= survived[i];
            }
            byAttack.put(attack.name(), Accuracy.of(survived));
            survivedByAttack.put(attack.name(), survived);
        }
        return new Measured(new EpsilonPoint(epsilon, new TreeMap<>(byAttack), Accuracy.of(robust)), robust,
                survivedByAttack);
    }

    /** A curve point and, per example, whether it survived every attack and each attack on its own. */
    public record Measured(EpsilonPoint point, boolean[] robust, Map<String, boolean[]> survivedByAttack) {
    }
}
