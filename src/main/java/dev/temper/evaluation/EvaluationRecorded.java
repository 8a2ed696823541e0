package dev.temper.evaluation;

import dev.temper.base.LiveEvent;

/** An evaluation result was stored; leaderboards showing its dataset version re-read. */
public record EvaluationRecorded(long resultId, String team, long modelVersionId, long datasetVersionId)
        implements LiveEvent {
}
