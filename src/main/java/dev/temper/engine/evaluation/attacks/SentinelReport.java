package dev.temper.engine.evaluation.attacks;

import java.util.List;

/**
 * Verdict of the gradient-masking sentinel, with the evidence and what reproduces it.
 *
 * @param search             proposal of the gradient-free attack: "coordinates" or "squares"
 * @param zeroGradientInputs examples whose loss gradient is exactly zero in every coordinate
 * @param tolerance examples allowed per check before it raises a suspicion
 */
public record SentinelReport(boolean gradientMaskingSuspected, List<String> reasons, int examples,
                             int zeroGradientInputs, List<SentinelFinding> findings, String search,
                             int queriesPerExample, long seed, int tolerance) {

    public SentinelReport {
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
    }
}
