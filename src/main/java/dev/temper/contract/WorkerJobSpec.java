package dev.temper.contract;

import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.List;

/**
 * What a worker fetches first: everything it needs to run one attempt at a job. evaluation is the robustness
 * suite an evaluation job runs (the server's temper.evaluation.* settings), for a tabular model; resumeAfterEpoch
 * > 0 means an earlier attempt left a checkpoint of that epoch to continue from; heartbeatSeconds is how often
 * the worker must show it is alive. overlapCheck says, for an evaluation, whether the model's training data can be
 * fetched ({@link OverlapCheck#CHECKED}: from {@link WorkerProtocol#TRAINING_DATA_PATH}) to exclude test examples
 * the model has seen.
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
        OverlapCheck overlapCheck,
        int attempt,
        int resumeAfterEpoch,
        int heartbeatSeconds) {
}
