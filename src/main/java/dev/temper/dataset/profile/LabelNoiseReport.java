package dev.temper.dataset.profile;

import java.util.List;
import java.util.Map;

/**
 * The result of a label error search.
 *
 * @param suspects           suspected label errors, the least likely given label first
 * @param outOfFoldAccuracy  how often the quick model's top class matched the given label on samples it
 *                           did not train on; a low value means the suspects are weak evidence
 * @param classThresholds    per class name, the mean out-of-fold probability of that class over the
 *                           samples labelled with it (a class at or above its threshold counts as
 *                           likely); null for a class without samples
 */
public record LabelNoiseReport(List<LabelSuspect> suspects, double outOfFoldAccuracy, int folds, int sampleCount,
        Map<String, Double> classThresholds) {
}
