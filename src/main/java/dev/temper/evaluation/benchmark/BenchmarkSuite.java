package dev.temper.evaluation.benchmark;

import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.evaluation.EvaluationConfig;
import dev.temper.training.TrainingJob;
import dev.temper.training.workerapi.EvaluationSuiteSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What an evaluation worker runs: on a benchmark, the benchmark's threat model and suite; otherwise the suite
 * configured under temper.evaluation.*. Noise, seed and example cap come from the configuration either way, the
 * epsilons in the dataset version's unit.
 */
@ApplicationScoped
class BenchmarkSuite implements EvaluationSuiteSource {

    private final EvaluationConfig config;
    private final BenchmarkJobRepository benchmarkJobs;
    private final BenchmarkRepository benchmarks;

    BenchmarkSuite(EvaluationConfig config, BenchmarkJobRepository benchmarkJobs, BenchmarkRepository benchmarks) {
        this.config = config;
        this.benchmarkJobs = benchmarkJobs;
        this.benchmarks = benchmarks;
    }

    @Override
    public EvaluationSpec settings(TrainingJob job) {
        return benchmarkJobs.benchmarkOf(job.id).map(benchmarks::findById)
                .map(b -> new EvaluationSpec(b.threatModel(), b.suite, config.noiseSigmas(), false, null, null, null,
                        config.seed(), config.maxExamples()))
                .orElseGet(() -> config.settings(job.datasetVersion.epsilonUnit()));
    }
}
