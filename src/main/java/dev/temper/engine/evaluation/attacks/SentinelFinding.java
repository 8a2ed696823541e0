package dev.temper.engine.evaluation.attacks;

/**
 * At one epsilon: how many examples were wrong under the gradient-free attack (clean mistakes included), and how many of those had survived
 * every gradient attack. The second number is the warning sign of gradient masking.
 */
public record SentinelFinding(double epsilon, int fooledByGradientFree, int missedByGradientAttacks) {
}
