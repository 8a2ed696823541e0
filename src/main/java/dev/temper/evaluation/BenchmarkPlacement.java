package dev.temper.evaluation;

import dev.temper.training.TrainingJob;

/**
 * Which benchmark a result joins, decided before its row is stored (the benchmark feature, downstream of this
 * one, answers). It may refuse the report with a ProblemException, e.g. when a job asked for on a benchmark
 * measured another threat model: then nothing is stored.
 */
public interface BenchmarkPlacement {

    /** The benchmark id of the result of this job, or null when it joins none. */
    Long benchmarkFor(TrainingJob job, EvaluationResult result);
}
