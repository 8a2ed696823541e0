package dev.temper.engine.evaluation.attacks;

import java.util.List;

/** The epsilon curve together with what reproduces it: PGD settings, seed and number of examples. */
public record AdversarialResult(List<EpsilonPoint> curve, List<String> attacks, PgdSettings pgd, long seed,
                                int examples, String units) {

    public AdversarialResult {
        curve = List.copyOf(curve);
        attacks = List.copyOf(attacks);
    }
}
