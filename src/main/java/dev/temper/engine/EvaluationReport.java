package dev.temper.engine;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Result of a robustness evaluation: clean accuracy and FGSM accuracy keyed by epsilon. */
public record EvaluationReport(int examples, double cleanAccuracy, SortedMap<Double, Double> fgsmAccuracy,
                               String modelSha256, String engineVersion) {

    public EvaluationReport {
        fgsmAccuracy = Collections.unmodifiableSortedMap(new TreeMap<>(fgsmAccuracy));
    }
}
