package dev.temper.contract;

import java.util.List;

/**
 * What the canonical file says about its samples before the first one.
 *
 * @param shape        {@code [features]} for tabular data, {@code [height, width, channels]} for images
 * @param featureNames one name per value for tabular data; empty for images
 * @param uint8        values are stored as bytes 0..255 and read as {@code byte / 255f} (images); otherwise
 *                     as 32-bit floats where NaN marks a missing value
 */
public record DatasetHeader(DataKind kind, List<Integer> shape, List<String> featureNames, List<String> classNames,
        boolean uint8, SplitPlan splits, int sampleCount) {

    public DatasetHeader {
        shape = List.copyOf(shape);
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        if (kind == DataKind.IMAGE && shape.size() != 3) {
            throw new IllegalArgumentException("An image dataset needs a [height, width, channels] shape");
        }
        if (kind == DataKind.TABULAR && (shape.size() != 1 || featureNames.size() != shape.get(0))) {
            throw new IllegalArgumentException("A tabular dataset needs one feature name per value");
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sampleCount must not be negative");
        }
    }

    /** Values per sample: the feature count, or height x width x channels. */
    public int valueCount() {
        return shape.stream().reduce(1, (a, b) -> a * b);
    }

    public int classCount() {
        return classNames.size();
    }

    public DatasetHeader withSampleCount(int count) {
        return new DatasetHeader(kind, shape, featureNames, classNames, uint8, splits, count);
    }

    public DatasetHeader withSplits(SplitPlan plan) {
        return new DatasetHeader(kind, shape, featureNames, classNames, uint8, plan, sampleCount);
    }

    public DatasetHeader withClassNames(List<String> names) {
        return new DatasetHeader(kind, shape, featureNames, names, uint8, splits, sampleCount);
    }
}
