package dev.temper.contract;

import java.util.SortedMap;

/** Accuracy of one model on one test split: clean and under FGSM per epsilon. */
public record EvaluationReport(int examples, double cleanAccuracy, SortedMap<Double, Double> fgsmAccuracy,
        String modelSha256, String engineVersion) {
}
