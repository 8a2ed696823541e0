package dev.temper.contract;

import dev.temper.engine.TrainingStrategy;
import java.util.List;

/** What a worker fetches first: everything it needs to run one job. */
public record WorkerJobSpec(
        long jobId,
        JobKind kind,
        TrainingStrategy strategy,
        ArchitectureSpec architecture,
        int classCount,
        List<String> classNames,
        boolean hasBaseModel,
        boolean hasBaselineModel,
        EvaluationSettings evaluation) {
}
