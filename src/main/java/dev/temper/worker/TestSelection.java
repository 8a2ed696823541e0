package dev.temper.worker;

import dev.temper.contract.DatasetFile.SplitRows;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.ExampleSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The test examples an evaluation uses, and where each sits in the test split: first those the model has not seen
 * in training, then, when the suite caps the count, a seeded random subset kept in split order (the engine's
 * {@link ExampleSample} rule, applied here so that every evaluated example's test-split position is known).
 *
 * @param positions per evaluated example, in the order evaluated, its 0-based position in the test split
 * @param excluded  test examples left out because the model was trained on the same sample
 */
record TestSelection(int[] positions, int excluded) {

    static TestSelection of(SplitRows test, Predicate<float[]> seenInTraining, int maxExamples, long seed) {
        List<Integer> unseen = new ArrayList<>(test.size());
        for (int i = 0; i < test.size(); i++) {
            if (!seenInTraining.test(test.features()[i])) {
                unseen.add(i);
            }
        }
        int excluded = test.size() - unseen.size();
        if (unseen.isEmpty()) {
            throw new IllegalArgumentException("The model was trained on every one of the " + test.size()
                    + " test examples; nothing is left to evaluate it on");
        }
        int[] picked = ExampleSample.indices(unseen.size(), maxExamples, seed);
        int[] positions = new int[picked.length];
        for (int k = 0; k < picked.length; k++) {
            positions[k] = unseen.get(picked[k]);
        }
        return new TestSelection(positions, excluded);
    }

    /** The selected examples, in the order of {@link #positions}. */
    TabularData rows(SplitRows test, int classCount, List<String> classNames) {
        float[][] features = new float[positions.length][];
        int[] labels = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            features[k] = test.features()[positions[k]];
            labels[k] = test.labels()[positions[k]];
        }
        return new TabularData(features, labels, classCount, classNames);
    }
}
