package dev.temper.contract;

import java.util.List;

/** What a worker fetches first: everything it needs to run one job. */
public record WorkerJobSpec(
        long jobId,
        JobKind kind,
        Strategy strategy,
        List<Integer> hiddenWidths,
        int classCount,
        boolean hasBaseModel,
        List<Double> fgsmEpsilons) {
}
