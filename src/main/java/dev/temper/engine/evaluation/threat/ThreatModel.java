package dev.temper.engine.evaluation.threat;

import dev.temper.engine.evaluation.attacks.Norm;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an attacker may do: move each input within a norm ball of radius epsilon, measured in a stated unit
 * of raw input. A robustness number means nothing without it, so every report and row carries one.
 *
 * @param epsilons radii to evaluate, ascending and distinct after construction; empty skips the attacks
 */
public record ThreatModel(Norm norm, List<Double> epsilons, EpsilonUnit unit) {

    /** More radii than this is a sweep, not an evaluation; it bounds a job's cost. */
    public static final int MAX_EPSILONS = 12;

    public ThreatModel {
        if (norm == null || unit == null) {
            throw new IllegalArgumentException("a threat model needs a norm and an epsilon unit");
        }
        if (epsilons == null) {
            throw new IllegalArgumentException("epsilons must not be null (use an empty list to skip attacks)");
        }
        if (epsilons.size() > MAX_EPSILONS) {
            throw new IllegalArgumentException("at most " + MAX_EPSILONS + " epsilons, got " + epsilons.size());
        }
        for (Double epsilon : epsilons) {
            if (epsilon == null || !Double.isFinite(epsilon) || epsilon < 0) {
                throw new IllegalArgumentException("epsilons must all be finite and >= 0, got " + epsilons);
            }
            if (unit == EpsilonUnit.PIXELS && norm == Norm.LINF && epsilon > 1) {
                throw new IllegalArgumentException("an L-inf epsilon above 1 pixel covers the whole [0, 1] box, got "
                        + epsilon);
            }
        }
        epsilons = epsilons.stream().distinct().sorted().toList();
    }

    public static ThreatModel linfPixels(List<Double> epsilons) {
        return new ThreatModel(Norm.LINF, epsilons, EpsilonUnit.PIXELS);
    }

    /** E.g. "L-inf, epsilon 0, 0.1, 0.3 in pixel intensity, images in [0, 1]". */
    public String describe() {
        String radii = epsilons.stream().map(e -> String.format(Locale.ROOT, "%s", e)).collect(Collectors.joining(", "));
        return norm.label() + ", epsilon " + radii + " in " + unit.description();
    }
}
