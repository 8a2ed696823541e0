package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AdversarialResult;
import dev.temper.engine.evaluation.attacks.SentinelReport;
import dev.temper.engine.evaluation.corruptions.CorruptionSummary;
import dev.temper.engine.evaluation.corruptions.NoiseResult;
import dev.temper.engine.evaluation.metrics.ClassificationMetrics;


/**
 * Result of the full robustness suite; serialises to JSON with Jackson as it stands. Sections that the
 * spec switched off are null.
 */
public record RobustnessReport(SuiteProvenance provenance, EvaluationSpec spec, ClassificationMetrics clean,
                               AdversarialResult adversarial, SentinelReport sentinel, NoiseResult noise,
                               CorruptionSummary corruptions, DomainShiftResult domainShift) {
}
