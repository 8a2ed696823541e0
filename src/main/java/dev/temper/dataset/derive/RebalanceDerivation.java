package dev.temper.dataset.derive;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Evens out the class counts of the <b>train split only</b>; validation and test samples are copied
 * unchanged, so evaluation still sees the real class distribution.
 *
 * <ul>
 *   <li>{@link Mode#OVERSAMPLE}: repeats train samples of each smaller class until it has as many as the
 *       largest class (every sample is repeated equally often, the remainder is drawn from the seed). The
 *       copies stay in train, next to their original, so they do not leak into evaluation; they are exact
 *       duplicates by design.</li>
 *   <li>{@link Mode#UNDERSAMPLE}: keeps a seeded random subset of each class, as large as the smallest
 *       class.</li>
 * </ul>
 * Classes with no train samples cannot be balanced and stay empty.
 */
public record RebalanceDerivation(Mode mode, long seed) implements Derivation {

    public enum Mode {
        OVERSAMPLE, UNDERSAMPLE
    }

    public RebalanceDerivation {
        if (mode == null) {
            throw new IllegalArgumentException("mode: choose OVERSAMPLE or UNDERSAMPLE");
        }
    }

    @Override
    public String operation() {
        return "rebalance";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("mode", mode.name().toLowerCase(Locale.ROOT));
        parameters.put("seed", seed);
        return parameters;
    }
}
