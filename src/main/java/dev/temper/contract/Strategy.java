package dev.temper.contract;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How a model is trained: the fields of the job form and of the API. Defaults suit the small MLPs of
 * the walking skeleton; limits keep a job inside what a worker can run.
 */
public record Strategy(
        @Min(1) @Max(MAX_EPOCHS) int epochs,
        @Min(1) @Max(4096) int batchSize,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") double learningRate,
        @Min(0) @Max(8) int frozenLayers,
        boolean fgsm,
        @DecimalMin("0.0") @DecimalMax("10.0") double fgsmEpsilon,
        long seed) {

    public static final int MAX_EPOCHS = 500;

    public static Strategy defaults() {
        return new Strategy(10, 32, 0.01, 0, false, 0.1, 42);
    }
}
