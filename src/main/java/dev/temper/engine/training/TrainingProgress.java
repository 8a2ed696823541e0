package dev.temper.engine.training;

import java.util.List;
import java.util.Map;

/**
 * Where a run stands after a finished epoch: exactly what a checkpoint holds. The random streams need
 * no state of their own because they derive from (seed, epoch) and the step counter.
 *
 * @param epoch last finished epoch, 0 before the first
 * @param step optimizer steps taken so far (Adam's t, the dropout seed)
 * @param history metrics of every finished epoch
 * @param weights current weights by variable name
 * @param optimizerState optimizer slots by name; null for a fresh run (zeroed)
 * @param best best epoch so far when early stopping watches a metric, else null
 */
record TrainingProgress(int epoch, int step, List<EpochMetrics> history, Map<String, float[]> weights,
                        Map<String, float[]> optimizerState, BestEpoch best) {

    TrainingProgress {
        history = List.copyOf(history);
    }

    static TrainingProgress fresh(Map<String, float[]> initialWeights) {
        return new TrainingProgress(0, 0, List.of(), initialWeights, null, null);
    }

    /** The best epoch seen by early stopping, with its score (higher is better) and weights. */
    record BestEpoch(int epoch, double score, Map<String, float[]> weights) {
    }
}
