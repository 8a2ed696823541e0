package dev.temper.engine.strategy;

import dev.temper.engine.model.NetworkLayout;

/**
 * Strategy of one training run, made of small immutable parts with defaults (see {@link #of}).
 *
 * @param epochs full passes over the training data (>= 1); early stopping may end sooner
 * @param batchSize rows per mini-batch (>= 1)
 * @param seed makes a run repeatable: initial weights, shuffling, augmentation, dropout and attacks derive from it
 * @param optimizer update rule and learning rates
 * @param schedule how the learning rate changes per epoch
 * @param adversarial adversarial training (FGSM, PGD, TRADES or MART), NONE by default
 * @param regularization weight decay, dropout and label smoothing
 * @param freeze layers whose weights stay exactly as they were
 * @param earlyStopping stop on a stalled validation metric and export the best epoch
 * @param augmentation random changes to each training batch
 */
public record TrainingStrategy(int epochs, int batchSize, long seed, OptimizerSpec optimizer, ScheduleSpec schedule,
                               AdversarialSpec adversarial, RegularizationSpec regularization, FreezeSpec freeze,
                               EarlyStoppingSpec earlyStopping, AugmentationSpec augmentation) {

    public TrainingStrategy {
        SpecChecks.between(epochs, 1, Limits.MAX_EPOCHS, "epochs");
        SpecChecks.between(batchSize, 1, Limits.MAX_BATCH_SIZE, "batchSize");
        SpecChecks.notNull(optimizer, "optimizer");
        SpecChecks.notNull(schedule, "schedule");
        SpecChecks.notNull(adversarial, "adversarial");
        SpecChecks.notNull(regularization, "regularization");
        SpecChecks.notNull(freeze, "freeze");
        SpecChecks.notNull(earlyStopping, "earlyStopping");
        SpecChecks.notNull(augmentation, "augmentation");
    }

    /**
     * The original strategy: Adam at a constant rate, the first frozenLayers layers frozen, and with fgsm
     * every batch trained on its clean rows plus FGSM copies at fgsmEpsilon.
     */
    public TrainingStrategy(int epochs, int batchSize, double learningRate, int frozenLayers, boolean fgsm,
                            double fgsmEpsilon, long seed) {
        this(epochs, batchSize, seed, legacyOptimizer(learningRate), ScheduleSpec.constant(),
                legacyAdversarial(fgsm, fgsmEpsilon), RegularizationSpec.none(), legacyFreeze(frozenLayers),
                EarlyStoppingSpec.off(), AugmentationSpec.none());
    }

    /** Adam at a constant learning rate with every other part at its default (off). */
    public static TrainingStrategy of(int epochs, int batchSize, double learningRate, long seed) {
        return new TrainingStrategy(epochs, batchSize, seed, OptimizerSpec.adam(learningRate), ScheduleSpec.constant(),
                AdversarialSpec.none(), RegularizationSpec.none(), FreezeSpec.none(), EarlyStoppingSpec.off(),
                AugmentationSpec.none());
    }

    public TrainingStrategy withOptimizer(OptimizerSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, value, schedule, adversarial, regularization, freeze,
                earlyStopping, augmentation);
    }

    public TrainingStrategy withSchedule(ScheduleSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, optimizer, value, adversarial, regularization, freeze,
                earlyStopping, augmentation);
    }

    public TrainingStrategy withAdversarial(AdversarialSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, optimizer, schedule, value, regularization, freeze,
                earlyStopping, augmentation);
    }

    public TrainingStrategy withRegularization(RegularizationSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, optimizer, schedule, adversarial, value, freeze,
                earlyStopping, augmentation);
    }

    public TrainingStrategy withFreeze(FreezeSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, optimizer, schedule, adversarial, regularization, value,
                earlyStopping, augmentation);
    }

    public TrainingStrategy withEarlyStopping(EarlyStoppingSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, optimizer, schedule, adversarial, regularization, freeze,
                value, augmentation);
    }

    public TrainingStrategy withAugmentation(AugmentationSpec value) {
        return new TrainingStrategy(epochs, batchSize, seed, optimizer, schedule, adversarial, regularization, freeze,
                earlyStopping, value);
    }

    /** Base learning rate of the optimizer. */
    public double learningRate() {
        return optimizer.learningRate();
    }

    /** Leading layers frozen from the start. */
    public int frozenLayers() {
        return freeze.firstLayers();
    }

    /** Whether training is adversarial at all (any method but NONE). */
    public boolean fgsm() {
        return adversarial.enabled();
    }

    /** Adversarial epsilon, 0 when training is not adversarial. */
    public double fgsmEpsilon() {
        return adversarial.epsilon();
    }

    /** Checks the strategy against a layout; the record alone cannot know the layers. */
    public void checkFits(NetworkLayout layout) {
        FreezePlan.check(freeze, layout);
    }

    private static OptimizerSpec legacyOptimizer(double learningRate) {
        SpecChecks.positive(learningRate, "learningRate");
        return OptimizerSpec.adam(learningRate);
    }

    private static AdversarialSpec legacyAdversarial(boolean fgsm, double fgsmEpsilon) {
        SpecChecks.require(!fgsm || (Double.isFinite(fgsmEpsilon) && fgsmEpsilon > 0), "fgsmEpsilon",
                "fgsmEpsilon must be > 0 when fgsm is enabled, was " + fgsmEpsilon);
        SpecChecks.require(fgsm || fgsmEpsilon >= 0, "fgsmEpsilon",
                "fgsmEpsilon must not be negative, was " + fgsmEpsilon);
        return fgsm ? AdversarialSpec.fgsmBesideClean(fgsmEpsilon) : AdversarialSpec.none();
    }

    private static FreezeSpec legacyFreeze(int frozenLayers) {
        SpecChecks.between(frozenLayers, 0, Limits.MAX_FROZEN_LAYERS, "frozenLayers");
        return FreezeSpec.firstLayers(frozenLayers);
    }
}
