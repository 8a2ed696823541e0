package dev.temper.engine.evaluation;

import dev.temper.engine.data.TabularData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded random subset of a test set, in original order, so that a capped evaluation is reproducible. */
final class ExampleSample {

    private ExampleSample() {
    }

    /** @param maxExamples 0 keeps the whole set ({@link EvaluationSpec#WHOLE_SPLIT}) */
    static TabularData of(TabularData data, int maxExamples, long seed) {
        if (maxExamples == EvaluationSpec.WHOLE_SPLIT || data.size() <= maxExamples) {
            return data;
        }
        List<Integer> indices = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        List<Integer> chosen = new ArrayList<>(indices.subList(0, maxExamples));
        Collections.sort(chosen);
        float[][] features = new float[maxExamples][];
        int[] labels = new int[maxExamples];
        for (int k = 0; k < maxExamples; k++) {
            features[k] = data.features()[chosen.get(k)];
            labels[k] = data.labels()[chosen.get(k)];
        }
        return new TabularData(features, labels, data.classCount(), data.classNames());
    }
}
