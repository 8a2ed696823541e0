package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.attacks.EpsilonPoint;
import dev.temper.engine.evaluation.metrics.Accuracy;
import dev.temper.engine.evaluation.metrics.Logits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Runs a suite's attacks in order at one epsilon, each only on the examples every earlier attack left
 * standing (AutoAttack's protocol). An example counts as robust only if it was right clean and no attack
 * fooled it: the per-example worst case. The attacks search on the target; the judge (the served model)
 * decides whether an example is fooled.
 */
final class SequentialAttacks {

    private SequentialAttacks() {
    }

    /**
     * @param survivedAfter per attack, the examples still robust after it and every attack before it
     * @param gradientFreeExtra examples a gradient-free attack fooled after the gradient attacks had failed
     */
    record Measured(EpsilonPoint point, boolean[] robust, Map<String, boolean[]> survivedAfter,
                    int gradientFreeExtra) {
    }

    static Measured measure(AttackTarget target, Classifier judge, List<AttackStage> stages, float[][] inputs,
                            int[] labels, double epsilon, boolean[] cleanCorrect, SuiteProgress progress) {
        return measure(target, judge, stages, inputs, labels, epsilon, cleanCorrect, progress, null);
    }

    /** @param strip hears of every attack's adversarial inputs and the judge's logits for them; may be null */
    static Measured measure(AttackTarget target, Classifier judge, List<AttackStage> stages, float[][] inputs,
                            int[] labels, double epsilon, boolean[] cleanCorrect, SuiteProgress progress,
                            StripCollector strip) {
        boolean[] robust = cleanCorrect.clone();
        Map<String, boolean[]> survivedAfter = new TreeMap<>();
        SortedMap<String, Accuracy> byAttack = new TreeMap<>();
        int gradientFreeExtra = 0;
        for (int stageIndex = 0; stageIndex < stages.size(); stageIndex++) {
            AttackStage stage = stages.get(stageIndex);
            long start = System.nanoTime();
            int[] standing = IntStream.range(0, robust.length).filter(i -> robust[i]).toArray();
            int fooled = 0;
            if (standing.length > 0) {
                float[][] subset = new float[standing.length][];
                int[] subsetLabels = new int[standing.length];
                for (int s = 0; s < standing.length; s++) {
                    subset[s] = inputs[standing[s]];
                    subsetLabels[s] = labels[standing[s]];
                }
                float[][] adversarial = stage.attack().perturb(target, subset, subsetLabels, epsilon);
                float[][] judged = judge.logits(adversarial);
                boolean[] held = Logits.correct(judged, subsetLabels);
                if (strip != null) {
                    strip.attacked(stage.name(), standing, adversarial, judged, subsetLabels,
                            stageIndex == stages.size() - 1);
                }
                for (int s = 0; s < standing.length; s++) {
                    if (!held[s]) {
                        robust[standing[s]] = false;
                        fooled++;
                        if (stage.gradientFree()) {
                            gradientFreeExtra++;
                        }
                    }
                }
            }
            progress.finished(SuiteStep.since(start, stage.name() + " at eps " + epsilon, String.format(Locale.ROOT,
                    "%,d of %,d attacked still robust", standing.length - fooled, standing.length)));
            survivedAfter.put(stage.name(), robust.clone());
            byAttack.put(stage.name(), Accuracy.of(robust));
        }
        return new Measured(new EpsilonPoint(epsilon, byAttack, Accuracy.of(robust)), robust, survivedAfter,
                gradientFreeExtra);
    }
}
