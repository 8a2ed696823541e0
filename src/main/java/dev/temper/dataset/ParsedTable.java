package dev.temper.dataset;

import java.util.List;

/** A validated tabular upload: numeric features and labels as indices into {@code classNames}. */
record ParsedTable(List<String> featureNames, List<String> classNames, float[][] features, int[] labels) {

    int rowCount() {
        return labels.length;
    }

    int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
