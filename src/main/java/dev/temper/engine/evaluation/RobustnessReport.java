package dev.temper.engine.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.temper.engine.evaluation.attacks.AdversarialResult;
import dev.temper.engine.evaluation.corruptions.CorruptionSummary;
import dev.temper.engine.evaluation.corruptions.NoiseResult;
import dev.temper.engine.evaluation.metrics.ClassificationMetrics;
import dev.temper.engine.evaluation.reliability.ReliabilityFlag;
import java.util.List;

/**
 * Result of the full robustness suite; serialises to JSON with Jackson as it stands. Sections that the
 * spec switched off are null. The per-example outcomes are binary and travel apart from the JSON.
 *
 * @param flags      reliability checks that fired; any flag makes the robust numbers unreliable
 * @param perExample per evaluated example, clean and per attack and epsilon, whether it held
 * @param strip      images only: a few clean and adversarial examples with predictions, positions in the test set
 */
public record RobustnessReport(SuiteProvenance provenance, EvaluationSpec spec, ClassificationMetrics clean,
                               AdversarialResult adversarial, List<ReliabilityFlag> flags, NoiseResult noise,
                               CorruptionSummary corruptions, DomainShiftResult domainShift,
                               @JsonIgnore PerExampleOutcomes perExample, @JsonIgnore AdversarialStrip strip) {

    public RobustnessReport {
        flags = List.copyOf(flags);
    }

    /** A report without a strip of adversarial examples (tables, or a suite without attacks). */
    public RobustnessReport(SuiteProvenance provenance, EvaluationSpec spec, ClassificationMetrics clean,
                            AdversarialResult adversarial, List<ReliabilityFlag> flags, NoiseResult noise,
                            CorruptionSummary corruptions, DomainShiftResult domainShift,
                            PerExampleOutcomes perExample) {
        this(provenance, spec, clean, adversarial, flags, noise, corruptions, domainShift, perExample, null);
    }

    public boolean reliable() {
        return flags.isEmpty();
    }
}
