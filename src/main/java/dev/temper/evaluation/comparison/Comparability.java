package dev.temper.evaluation.comparison;

import dev.temper.base.PolicyDecision;
import dev.temper.evaluation.EvaluationEvidenceService;
import dev.temper.evaluation.EvaluationResult;
import java.util.Arrays;
import java.util.Objects;

/**
 * When two evaluations can be compared example by example: two different evaluations, on one dataset version's
 * test split, under the same norm, and (once their outcomes are read) on the same test positions. Each refusal says
 * why in words the caller can act on.
 */
final class Comparability {

    private Comparability() {
    }

    static PolicyDecision rows(EvaluationResult left, EvaluationResult right) {
        if (left.id.equals(right.id)) {
            return PolicyDecision.reject("Pick two different evaluations; both are evaluation " + left.id);
        }
        if (!left.datasetVersion.id.equals(right.datasetVersion.id)) {
            return PolicyDecision.reject("Evaluation " + left.id + " is on " + left.datasetVersion.label()
                    + " and evaluation " + right.id + " on " + right.datasetVersion.label()
                    + ": a paired comparison needs both on one dataset version's test split");
        }
        if (!Objects.equals(left.threatNorm, right.threatNorm)) {
            return PolicyDecision.reject("Evaluation " + left.id + " attacked under " + norm(left) + " and evaluation "
                    + right.id + " under " + norm(right) + ": robust outcomes under different norms do not pair");
        }
        return PolicyDecision.allow();
    }

    static PolicyDecision positions(EvaluationResult left, int[] leftPositions, EvaluationResult right,
            int[] rightPositions) {
        if (Arrays.equals(leftPositions, rightPositions)) {
            return PolicyDecision.allow();
        }
        long shared = Arrays.stream(leftPositions).filter(p -> Arrays.binarySearch(rightPositions, p) >= 0).count();
        return PolicyDecision.reject("Evaluation " + left.id + " measured " + leftPositions.length
                + " test examples and evaluation " + right.id + " " + rightPositions.length + ", of which " + shared
                + " are the same: a paired test needs the same examples (test examples a model was trained on are left "
                + "out, and a cap on examples draws a subset)");
    }

    private static String norm(EvaluationResult r) {
        return r.threatNorm == null ? "no recorded threat model" : EvaluationEvidenceService.normLabel(r.threatNorm);
    }
}
