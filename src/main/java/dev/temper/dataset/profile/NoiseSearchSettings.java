package dev.temper.dataset.profile;

/**
 * How {@link LabelNoiseFinder} trains its quick model: a softmax regression over standardised features,
 * trained with Adam on mini-batches, once per fold.
 *
 * @param folds        cross-validation folds; every sample is predicted by the model that did not see it
 * @param epochs       passes over the training folds
 * @param batchSize    samples per gradient step
 * @param learningRate Adam's step size
 * @param l2           weight decay, keeps the probabilities from becoming overconfident
 * @param seed         fixes the folds and the sample order, so that a search can be repeated
 */
public record NoiseSearchSettings(int folds, int epochs, int batchSize, double learningRate, double l2,
        long seed) {

    public static final NoiseSearchSettings DEFAULT = new NoiseSearchSettings(5, 10, 64, 0.005, 1e-4, 20261125L);

    public NoiseSearchSettings {
        if (folds < 2) {
            throw new IllegalArgumentException("The label error search needs at least 2 folds, not " + folds + ".");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("The label error search needs at least 1 epoch, not " + epochs + ".");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be 1 or more, not " + batchSize + ".");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be above 0, not " + learningRate + ".");
        }
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("The L2 weight decay must be 0 or more, not " + l2 + ".");
        }
    }
}
