package dev.temper.engine;

import dev.temper.engine.attacks.AdversarialResult;
import dev.temper.engine.attacks.SentinelReport;
import dev.temper.engine.corruptions.CorruptionSummary;
import dev.temper.engine.corruptions.NoiseResult;
import dev.temper.engine.metrics.ClassificationMetrics;

/**
 * Result of the full robustness suite; serialises to JSON with Jackson as it stands. Sections that the
 * spec switched off are null.
 */
public record RobustnessReport(SuiteProvenance provenance, EvaluationSpec spec, ClassificationMetrics clean,
                               AdversarialResult adversarial, SentinelReport sentinel, NoiseResult noise,
                               CorruptionSummary corruptions, DomainShiftResult domainShift) {
}
