package dev.temper.approval.policy;

import java.time.Instant;

/** A policy version at the API edge. */
public record PolicyDto(long id, String team, int version, String name, long benchmarkId, Double minCleanLower,
        Double minRobustAccuracy, Double robustEpsilon, Double maxEce, boolean requireCurrentSuite,
        boolean blockRegression, int requiredApprovals, boolean separatesDuties, Integer expiryDays, String createdBy,
        Instant createdAt) {

    public static PolicyDto of(GatePolicy p) {
        return new PolicyDto(p.id, p.team, p.version, p.name, p.benchmarkId, p.minCleanLower, p.minRobustAccuracy,
                p.robustEpsilon, p.maxEce, p.requireCurrentSuite, p.blockRegression, p.requiredApprovals,
                p.separatesDuties, p.expiryDays, p.createdBy, p.createdAt);
    }
}
