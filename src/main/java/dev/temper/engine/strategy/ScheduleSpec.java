package dev.temper.engine.strategy;

/**
 * How the learning rate changes over the epochs (a factor on the optimizer's rates).
 *
 * @param kind CONSTANT, STEP (times gamma every stepEpochs) or COSINE (from 1 towards 0 over the run)
 * @param stepEpochs epochs between two STEP decays (>= 1)
 * @param gamma STEP decay factor in (0, 1]
 * @param warmupEpochs first epochs with a linear ramp (epoch/warmupEpochs) before the main schedule; 0 = none
 */
public record ScheduleSpec(Kind kind, int stepEpochs, double gamma, int warmupEpochs) {

    /** Shape of the schedule after warm-up. */
    public enum Kind { CONSTANT, STEP, COSINE }

    public ScheduleSpec {
        SpecChecks.notNull(kind, "kind");
        SpecChecks.between(stepEpochs, 1, Limits.MAX_EPOCHS, "stepEpochs");
        SpecChecks.require(Double.isFinite(gamma) && gamma > 0 && gamma <= 1, "gamma",
                "gamma must be in (0, 1], was " + gamma);
        SpecChecks.between(warmupEpochs, 0, Limits.MAX_EPOCHS, "warmupEpochs");
    }

    public static ScheduleSpec constant() {
        return new ScheduleSpec(Kind.CONSTANT, 1, 1, 0);
    }

    public static ScheduleSpec step(int stepEpochs, double gamma) {
        return new ScheduleSpec(Kind.STEP, stepEpochs, gamma, 0);
    }

    public static ScheduleSpec cosine() {
        return new ScheduleSpec(Kind.COSINE, 1, 1, 0);
    }

    public ScheduleSpec withWarmup(int epochs) {
        return new ScheduleSpec(kind, stepEpochs, gamma, epochs);
    }

    /** Factor on the learning rate in a 1-based epoch of a run of totalEpochs. */
    public double factor(int epoch, int totalEpochs) {
        if (epoch <= warmupEpochs) {
            return epoch / (double) warmupEpochs;
        }
        int sinceWarmup = epoch - 1 - warmupEpochs;
        int remaining = Math.max(1, totalEpochs - warmupEpochs);
        return switch (kind) {
            case CONSTANT -> 1.0;
            case STEP -> Math.pow(gamma, sinceWarmup / stepEpochs);
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * sinceWarmup / remaining));
        };
    }
}
