package dev.temper.approval.policy.ui;

import dev.temper.approval.policy.GatePolicy;
import java.util.ArrayList;
import java.util.List;

/** A policy version's gates and approval rules in a line each, for the version history. */
final class PolicyText {

    private PolicyText() {
    }

    /** "clean >= 0.8, robust >= 0.5 at 0.1, ECE <= 0.1, suite, no regression" (reliability is always a gate). */
    static String gates(GatePolicy p) {
        List<String> gates = new ArrayList<>();
        if (p.minCleanLower != null) {
            gates.add("clean >= " + p.minCleanLower);
        }
        if (p.minRobustAccuracy != null) {
            gates.add("robust >= " + p.minRobustAccuracy + " at " + p.robustEpsilon);
        }
        if (p.maxEce != null) {
            gates.add("ECE <= " + p.maxEce);
        }
        gates.add("reliability");
        if (p.requireCurrentSuite) {
            gates.add("suite");
        }
        if (p.blockRegression) {
            gates.add("no regression");
        }
        return String.join(", ", gates);
    }

    /** "2 approvals, duties separated, expire after 30 days". */
    static String rules(GatePolicy p) {
        return p.requiredApprovals + (p.requiredApprovals == 1 ? " approval" : " approvals")
                + (p.separatesDuties ? ", duties separated" : ", duties not separated")
                + (p.expiryDays == null ? ", no expiry" : ", expire after " + p.expiryDays + " days");
    }
}
