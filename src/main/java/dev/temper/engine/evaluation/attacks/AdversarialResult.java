package dev.temper.engine.evaluation.attacks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The epsilon curve together with what reproduces it: the threat model (norm, epsilons, unit), the suite
 * version and its attacks with their parameters, the seed and the number of examples.
 *
 * @param threatModel a {@code ThreatModel} described in words, e.g. "L-inf, epsilon 0.1 in pixel intensity"
 * @param attacks     each attack's name and parameters, in the order they ran
 */
public record AdversarialResult(String norm, String unit, String threatModel, String suite, List<EpsilonPoint> curve,
                                List<AttackSettings> attacks, long seed, int examples) {

    public AdversarialResult {
        curve = List.copyOf(curve);
        attacks = List.copyOf(attacks);
    }

    /** An attack as run: its report name and parameters, e.g. {"iterations": 100, "restarts": 1}. */
    public record AttackSettings(String name, Map<String, Object> parameters) {

        public AttackSettings {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }
}
