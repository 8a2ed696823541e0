package dev.temper.engine.evaluation;

import dev.temper.engine.data.TabularData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded random subset of a test set, in original order, so that a capped evaluation is reproducible. */
public final class ExampleSample {

    private ExampleSample() {
    }

    /**
     * Which of {@code size} examples a capped evaluation uses, ascending. Callers that must know where each
     * evaluated example came from (the worker, to index results by test-split position) use this same rule.
     *
     * @param maxExamples 0 keeps them all ({@link EvaluationSpec#WHOLE_SPLIT})
     */
    public static int[] indices(int size, int maxExamples, long seed) {
        if (maxExamples == EvaluationSpec.WHOLE_SPLIT || size <= maxExamples) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return order.subList(0, maxExamples).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static TabularData of(TabularData data, int maxExamples, long seed) {
        int[] chosen = indices(data.size(), maxExamples, seed);
        if (chosen.length == data.size()) {
            return data;
        }
        float[][] features = new float[chosen.length][];
        int[] labels = new int[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            features[k] = data.features()[chosen[k]];
            labels[k] = data.labels()[chosen[k]];
        }
        return new TabularData(features, labels, data.classCount(), data.classNames());
    }
}
