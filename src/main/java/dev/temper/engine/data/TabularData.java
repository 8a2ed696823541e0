package dev.temper.engine.data;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Tabular classification data held in memory: rows of raw features and integer labels 0..classCount-1,
 * with the classes' names (label i is {@code classNames.get(i)}; "0", "1", ... when none are given).
 */
public record TabularData(float[][] features, int[] labels, int classCount, List<String> classNames) {

    public TabularData(float[][] features, int[] labels, int classCount) {
        this(features, labels, classCount, null);
    }

    public TabularData {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    "features has " + features.length + " rows but labels has " + labels.length);
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("classCount must be at least 2, was " + classCount);
        }
        classNames = classNames == null
                ? IntStream.range(0, classCount).mapToObj(Integer::toString).toList()
                : List.copyOf(classNames);
        if (classNames.size() != classCount) {
            throw new IllegalArgumentException("classNames has " + classNames.size() + " names for " + classCount
                    + " classes");
        }
        int width = features.length == 0 ? 0 : features[0].length;
        for (int row = 0; row < features.length; row++) {
            if (features[row].length != width) {
                throw new IllegalArgumentException("features row " + row + " has " + features[row].length
                        + " values, expected " + width);
            }
            if (labels[row] < 0 || labels[row] >= classCount) {
                throw new IllegalArgumentException("labels[" + row + "] = " + labels[row]
                        + " is outside 0.." + (classCount - 1));
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }
}
