package dev.temper.contract;

import java.util.List;

/**
 * The robustness suite an evaluation job runs (server configuration, temper.evaluation.*): attack
 * strengths, PGD effort, the gradient-masking sentinel's query budget and Gaussian noise levels. Image
 * models additionally get the common corruptions.
 */
public record EvaluationSettings(List<Double> attackEpsilons, int pgdSteps, double pgdRelativeStepSize,
        int pgdRestarts, int sentinelQueries, List<Double> noiseSigmas, int maxExamples, long seed) {
}
