package dev.temper.engine.strategy;

/**
 * The largest values a strategy may ask for. They are far above any sensible run on Temper's hardware and far below
 * what would overflow a counter or hold a worker slot for years; docs/orchestration.md lists them.
 */
public final class Limits {

    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH_SIZE = 65_536;
    public static final int MAX_ATTACK_STEPS = 1_000;
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_WEIGHT_DECAY = 1;
    public static final int MAX_PATIENCE = MAX_EPOCHS;
    public static final int MAX_SHIFT = 64;
    public static final int MAX_FROZEN_LAYERS = 1_000;
    /** Gaussian noise and perturbation sizes in raw input units; images are bounded tighter by the job checks. */
    public static final double MAX_INPUT_PERTURBATION = 1e6;

    private Limits() {
    }
}
