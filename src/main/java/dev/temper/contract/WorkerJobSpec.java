package dev.temper.contract;

import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.List;

/**
 * What a worker fetches first: everything it needs to run one attempt at a job. evaluation is the robustness
 * suite an evaluation job runs (the server's temper.evaluation.* settings), for a tabular model; resumeAfterEpoch
 * > 0 means an earlier attempt left a checkpoint of that epoch to continue from; heartbeatSeconds is how often
 * the worker must show it is alive.
 */
public record WorkerJobSpec(
        long jobId,
        JobKind kind,
        TrainingStrategy strategy,
        ArchitectureSpec architecture,
        int classCount,
        List<String> classNames,
        boolean hasBaseModel,
        boolean hasBaselineModel,
        EvaluationSpec evaluation,
        int attempt,
        int resumeAfterEpoch,
        int heartbeatSeconds) {
}
