package dev.temper.dataset.derive;

import dev.temper.engine.evaluation.corruptions.CorruptionType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A domain-shifted or corrupted copy of the dataset for evaluating robustness: every sample is changed,
 * its split and label are kept. Image values stay in [0, 1]; missing tabular values stay missing.
 * Tabular amounts are in units of each feature's standard deviation over the train split.
 *
 * @param kind       what to do; see {@link ShiftKind} for which data kind each applies to
 * @param amount     sigma, degrees, factor or offset, by kind; 0 for {@link ShiftKind#CORRUPTION}
 * @param corruption for {@link ShiftKind#CORRUPTION} only: a {@link CorruptionType} name such as "blur"
 * @param severity   for {@link ShiftKind#CORRUPTION} only: 1 (mild) to 5 (strong); otherwise 0
 * @param seed       seeds the random draws of noise and corruptions
 */
public record ShiftDerivation(ShiftKind kind, double amount, String corruption, int severity, long seed)
        implements Derivation {

    public ShiftDerivation {
        if (kind == null) {
            throw new IllegalArgumentException("kind: choose one of " + Arrays.stream(ShiftKind.values())
                    .map(ShiftKind::wireName).collect(Collectors.joining(", ")));
        }
        if (kind == ShiftKind.CORRUPTION) {
            corruption = corruptionType(corruption).name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (severity < 1 || severity > CorruptionType.MAX_SEVERITY) {
                throw new IllegalArgumentException("severity: must be 1 to " + CorruptionType.MAX_SEVERITY
                        + ", not " + severity);
            }
            if (amount != 0) {
                throw new IllegalArgumentException("amount: a corruption is set by its severity; leave amount at 0");
            }
        } else {
            if (corruption != null) {
                throw new IllegalArgumentException("corruption: only used with kind corruption, not " + kind.wireName());
            }
            if (severity != 0) {
                throw new IllegalArgumentException("severity: only used with kind corruption, not " + kind.wireName());
            }
            checkAmount(kind, amount);
        }
    }

    public static ShiftDerivation gaussianNoise(double sigma, long seed) {
        return new ShiftDerivation(ShiftKind.GAUSSIAN_NOISE, sigma, null, 0, seed);
    }

    public static ShiftDerivation rotation(double degrees) {
        return new ShiftDerivation(ShiftKind.ROTATION, degrees, null, 0, 0);
    }

    public static ShiftDerivation corruption(String name, int severity, long seed) {
        return new ShiftDerivation(ShiftKind.CORRUPTION, 0, name, severity, seed);
    }

    public static ShiftDerivation scale(double factor) {
        return new ShiftDerivation(ShiftKind.SCALE, factor, null, 0, 0);
    }

    public static ShiftDerivation offset(double stds) {
        return new ShiftDerivation(ShiftKind.OFFSET, stds, null, 0, 0);
    }

    /** The engine's corruption type; only for {@link ShiftKind#CORRUPTION}. */
    CorruptionType corruptionType() {
        return corruptionType(corruption);
    }

    private static CorruptionType corruptionType(String name) {
        String known = Arrays.stream(CorruptionType.values())
                .map(type -> type.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("corruption: choose one of " + known);
        }
        try {
            return CorruptionType.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corruption: '" + name + "' is not one of " + known, e);
        }
    }

    private static void checkAmount(ShiftKind kind, double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount: must be a finite number, not " + amount);
        }
        switch (kind) {
            case GAUSSIAN_NOISE -> {
                if (amount <= 0) {
                    throw new IllegalArgumentException("amount: the noise sigma must be above 0, not " + amount);
                }
            }
            case ROTATION -> {
                if (amount == 0 || Math.abs(amount) > 360) {
                    throw new IllegalArgumentException("amount: the rotation must be between -360 and 360 degrees"
                            + " and not 0, not " + amount);
                }
            }
            case SCALE -> {
                if (amount <= 0 || amount == 1) {
                    throw new IllegalArgumentException("amount: the scale factor must be above 0 and not 1, not "
                            + amount);
                }
            }
            case OFFSET -> {
                if (amount == 0) {
                    throw new IllegalArgumentException("amount: an offset of 0 changes nothing; give a number of"
                            + " standard deviations");
                }
            }
            case CORRUPTION -> throw new IllegalStateException("corruptions have no amount");
        }
    }

    @Override
    public String operation() {
        return "shift";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("kind", kind.wireName());
        switch (kind) {
            case GAUSSIAN_NOISE -> parameters.put("sigma", amount);
            case ROTATION -> parameters.put("degrees", amount);
            case SCALE -> parameters.put("factor", amount);
            case OFFSET -> parameters.put("stds", amount);
            case CORRUPTION -> {
                parameters.put("corruption", corruption);
                parameters.put("severity", severity);
            }
        }
        if (kind == ShiftKind.GAUSSIAN_NOISE || kind == ShiftKind.CORRUPTION) {
            parameters.put("seed", seed);
        }
        return parameters;
    }
}
