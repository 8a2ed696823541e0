package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.metrics.Logits;

/** Test helper: one attack on every example on its own, robust meaning right clean and right after the attack. */
public final class StandaloneAccuracy {

    private StandaloneAccuracy() {
    }

    public static Accuracy of(Attack attack, AttackTarget target, Classifier judge, float[][] inputs, int[] labels,
                              double epsilon) {
        boolean[] clean = Logits.correct(judge.logits(inputs), labels);
        boolean[] held = Logits.correct(judge.logits(attack.perturb(target, inputs, labels, epsilon)), labels);
        for (int i = 0; i < held.length; i++) {
            held[i] &= clean[i];
        }
        return Accuracy.of(held);
    }
}
