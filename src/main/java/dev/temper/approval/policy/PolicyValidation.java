package dev.temper.approval.policy;

import dev.temper.base.PlainText;
import dev.temper.base.problem.ProblemException;
import java.util.List;

/** Checks a policy edit whole, naming the field and its bounds on the first value out of them. */
final class PolicyValidation {

    private static final double SAME_EPSILON = 1e-9;

    private PolicyValidation() {
    }

    static GatePolicy validated(PolicyEdit edit, List<Double> benchmarkEpsilons) {
        GatePolicy p = new GatePolicy();
        String name = edit.name() == null ? "" : edit.name().strip();
        if (name.isEmpty() || name.length() > GatePolicy.NAME_MAX_LENGTH) {
            throw ProblemException.badRequest("name: 1 to " + GatePolicy.NAME_MAX_LENGTH + " characters");
        }
        p.name = PlainText.requireName(name, "name");
        p.benchmarkId = edit.benchmarkId();
        p.minCleanLower = fraction("minCleanLower", edit.minCleanLower());
        p.minRobustAccuracy = fraction("minRobustAccuracy", edit.minRobustAccuracy());
        p.maxEce = fraction("maxEce", edit.maxEce());
        if ((edit.minRobustAccuracy() == null) != (edit.robustEpsilon() == null)) {
            throw ProblemException.badRequest("minRobustAccuracy and robustEpsilon: give both or neither");
        }
        if (edit.robustEpsilon() != null) {
            double epsilon = edit.robustEpsilon();
            p.robustEpsilon = benchmarkEpsilons.stream().filter(e -> Math.abs(e - epsilon) < SAME_EPSILON).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("robustEpsilon: " + epsilon
                            + " is not one of the benchmark's epsilons " + benchmarkEpsilons));
        }
        p.requireCurrentSuite = edit.requireCurrentSuite() == null || edit.requireCurrentSuite();
        p.blockRegression = edit.blockRegression() == null || edit.blockRegression();
        p.separatesDuties = edit.separatesDuties() == null || edit.separatesDuties();
        p.requiredApprovals = edit.requiredApprovals() == null ? GatePolicy.MIN_APPROVALS : edit.requiredApprovals();
        if (p.requiredApprovals < GatePolicy.MIN_APPROVALS || p.requiredApprovals > GatePolicy.MAX_APPROVALS) {
            throw ProblemException.badRequest("requiredApprovals: " + GatePolicy.MIN_APPROVALS + " to "
                    + GatePolicy.MAX_APPROVALS);
        }
        if (edit.expiryDays() != null && (edit.expiryDays() < 1 || edit.expiryDays() > GatePolicy.MAX_EXPIRY_DAYS)) {
            throw ProblemException.badRequest("expiryDays: 1 to " + GatePolicy.MAX_EXPIRY_DAYS
                    + ", or leave it out for requests that do not expire");
        }
        p.expiryDays = edit.expiryDays();
        return p;
    }

    static String describe(GatePolicy p) {
        return "benchmark " + p.benchmarkId + ", clean lower >= " + p.minCleanLower + ", robust >= "
                + p.minRobustAccuracy + " at " + p.robustEpsilon + ", ECE <= " + p.maxEce + ", current suite "
                + p.requireCurrentSuite + ", no regression " + p.blockRegression + ", approvals "
                + p.requiredApprovals + ", separated duties " + p.separatesDuties + ", expiry days " + p.expiryDays;
    }

    private static Double fraction(String field, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            throw ProblemException.badRequest(field + ": a fraction from 0 to 1");
        }
        return value;
    }
}
