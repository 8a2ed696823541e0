package dev.temper.engine.evaluation.corruptions;

import dev.temper.engine.evaluation.metrics.Accuracy;
import java.util.List;

/** Accuracy under additive Gaussian noise per sigma (in model-input units), with the seed that drew the noise. */
public record NoiseResult(List<Point> points, long seed) {

    public NoiseResult {
        points = List.copyOf(points);
    }

    public record Point(double sigma, Accuracy accuracy) {
    }
}
