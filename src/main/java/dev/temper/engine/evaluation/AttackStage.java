package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.Attack;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attack of a suite's sequence, with the parameters a report shows for it.
 *
 * @param gradientFree queries outputs only; what it fools after the gradient attacks failed is masking evidence
 */
record AttackStage(Attack attack, boolean gradientFree, Map<String, Object> parameters) {

    AttackStage {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    String name() {
        return attack.name();
    }
}
