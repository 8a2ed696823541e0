package dev.temper.evaluation.benchmark;

import java.util.List;

/**
 * What {@code POST /api/benchmarks} takes. The epsilon unit is the dataset version's; the suite defaults to
 * STANDARD.
 *
 * @param norm     LINF or L2
 * @param epsilons 1 to 12 radii, each above 0
 */
public record NewBenchmark(String name, Long datasetVersionId, String norm, List<Double> epsilons, String suite) {
}
