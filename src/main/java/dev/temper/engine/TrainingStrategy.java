package dev.temper.engine;

/**
 * Strategy of one training run. frozenLayers = how many leading dense layers (dense0, dense1, ...) keep
 * their weights exactly; fgsm = FGSM adversarial training (each batch trained on clean + adversarial
 * examples at fgsmEpsilon, in standardized feature units).
 */
public record TrainingStrategy(int epochs, int batchSize, double learningRate, int frozenLayers,
                               boolean fgsm, double fgsmEpsilon, long seed) {

    public TrainingStrategy {
        require(epochs >= 1, "epochs must be >= 1, was " + epochs);
        require(batchSize >= 1, "batchSize must be >= 1, was " + batchSize);
        require(Double.isFinite(learningRate) && learningRate > 0,
                "learningRate must be a finite number > 0, was " + learningRate);
        require(frozenLayers >= 0, "frozenLayers must be >= 0, was " + frozenLayers);
        require(!fgsm || (Double.isFinite(fgsmEpsilon) && fgsmEpsilon > 0),
                "fgsmEpsilon must be > 0 when fgsm is enabled, was " + fgsmEpsilon);
        require(fgsm || fgsmEpsilon >= 0, "fgsmEpsilon must not be negative, was " + fgsmEpsilon);
    }

    /** Plain training without frozen layers or adversarial examples. */
    public static TrainingStrategy plain(int epochs, int batchSize, double learningRate, long seed) {
        return new TrainingStrategy(epochs, batchSize, learningRate, 0, false, 0.0, seed);
    }

    /** Checks the strategy against an architecture; the record alone cannot know the layer count. */
    void checkFits(NetworkLayout layout) {
        int body = layout.layers().size() - 1;
        require(frozenLayers <= body, "frozenLayers (" + frozenLayers
                + ") exceeds the " + body + " layers below the head of the model");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
