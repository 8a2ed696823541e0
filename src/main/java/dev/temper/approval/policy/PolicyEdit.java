package dev.temper.approval.policy;

/**
 * A new version of a team's policy as an admin sends it. Optional thresholds left out are gates the policy does
 * not have; yes/no rules left out are on; {@code expiryDays} left out means requests do not expire.
 *
 * @param expectedVersion the version the edit was made from (0: the team had none); when given and another version
 *                        has been saved since, the edit is refused (409) rather than silently overwriting it. Left
 *                        out, the edit becomes the next version whatever came before.
 */
public record PolicyEdit(String name, Long benchmarkId, Double minCleanLower, Double minRobustAccuracy,
        Double robustEpsilon, Double maxEce, Boolean requireCurrentSuite, Boolean blockRegression,
        Integer requiredApprovals, Boolean separatesDuties, Integer expiryDays, Integer expectedVersion) {
}
