package dev.temper.evaluation;

import dev.temper.base.LiveEvent;

/**
 * An evaluation result was stored; leaderboards showing its dataset version or benchmark re-read.
 *
 * @param benchmarkId the benchmark the result joined, or null
 */
public record EvaluationRecorded(long resultId, String team, long modelVersionId, long datasetVersionId,
        Long benchmarkId) implements LiveEvent {
}
